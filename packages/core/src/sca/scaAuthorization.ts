import type { ScaDetails } from '../challenge.ts'

/**
 * The `SCA-Authorization` header value that repeats a verified operation:
 * base64 of `{"scaDetails":{"eventId":…,"walletOperationId":…}}`.
 */
export function scaAuthorization(details: Pick<ScaDetails, 'eventId' | 'walletOperationId'>): string {
  const json = JSON.stringify({
    scaDetails: { eventId: details.eventId, walletOperationId: details.walletOperationId },
  })
  const bytes = new TextEncoder().encode(json)
  return btoa(String.fromCharCode(...bytes))
}
