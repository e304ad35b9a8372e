import type { ScaDetails } from '../challenge.ts'

/**
 * The `SCA-Authorization` header value that repeats a verified operation:
 * base64 of `{"scaDetails":{"eventId":…,"walletOperationId":…}}`.
 */
export function scaAuthorization(details: Pick<ScaDetails, 'eventId' | 'walletOperationId'>): string {
  const json = JSON.stringify({
    scaDetails: { eventId: details.eventId, walletOperationId: details.walletOperationId },
  })
  // Byte by byte, not spread into one call: a long value must not overflow the stack.
  return btoa(Array.from(new TextEncoder().encode(json), (byte) => String.fromCharCode(byte)).join(''))
}
