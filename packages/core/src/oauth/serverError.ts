import { AuthError, AuthErrorCode } from '../errors.ts'

/**
 * A 5xx without an OAuth error body is an outage, not a verdict on the tokens: report it as
 * `server_error` so callers keep the session and retry.
 */
export function throwIfServerError(response: Response): void {
  if (response.status < 500) return
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) return
  throw new AuthError(AuthErrorCode.ServerError, `The server answered ${response.status}`, {
    cause: { status: response.status, url: response.url },
  })
}
