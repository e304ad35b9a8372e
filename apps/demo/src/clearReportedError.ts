import type { AuthClient, AuthError } from '@payauth/core'

/** A page reported `error` beside the operation that failed: the client need not show it anywhere else. */
export function clearReportedError(client: Pick<AuthClient, 'getSnapshot' | 'clearError'>, error: AuthError): void {
  const current = client.getSnapshot()
  if ((current.status === 'signedIn' || current.status === 'error') && current.error === error) client.clearError()
}
