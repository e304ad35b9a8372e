import type { AuthClient } from './authClientTypes.ts'
import type { AuthSnapshot } from './snapshot.ts'

/** The access token a snapshot shows, or `undefined` when nobody is signed in. */
export function accessTokenOf(snapshot: AuthSnapshot): string | undefined {
  return snapshot.status === 'signedIn' ? snapshot.session.accessToken : undefined
}

/**
 * Calls `listener` whenever the access token changes (sign-in, refresh here or in another tab,
 * sign-out), with the new token or `undefined`. For code outside React, such as an axios
 * instance that keeps a default header. It is not called for the current token, only for the
 * next change. Returns the unsubscribe function.
 * @example
 * ```ts
 * const api = axios.create({ baseURL: 'https://api.pace.cloud' })
 * const stop = onAccessTokenChange(auth, (token) => {
 *   if (token) api.defaults.headers.common.Authorization = `Bearer ${token}`
 *   else delete api.defaults.headers.common.Authorization
 * })
 * ```
 */
export function onAccessTokenChange(
  client: AuthClient,
  listener: (accessToken: string | undefined) => void,
): () => void {
  let last = accessTokenOf(client.getSnapshot())
  return client.subscribe(() => {
    const next = accessTokenOf(client.getSnapshot())
    if (next === last) return
    last = next
    listener(next)
  })
}
