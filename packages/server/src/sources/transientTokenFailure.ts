/**
 * A token request that failed in a way worth retrying: no answer (network error, timeout) or
 * 408, 429 or 5xx. Internal: after the last retry it becomes a `ServerAuthError`.
 */
export class TransientTokenFailure extends Error {
  override readonly name = 'TransientTokenFailure'

  constructor(
    readonly kind: 'network' | 'timeout' | 'status',
    message: string,
    readonly details: {
      readonly cause: unknown
      readonly status?: number
      /** From `Retry-After`, in milliseconds. */
      readonly retryAfterMs?: number
      readonly error?: string
      readonly errorDescription?: string
    },
  ) {
    super(message, { cause: details.cause })
  }
}
