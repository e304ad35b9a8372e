import { requireSecureUrl } from '../oauth/secureUrl.ts'
import type { OAuthProvider } from '../providers/oauthProvider.ts'
import { backendConnection } from './backendConnection.ts'

/** Options of `backend()`. */
export interface BackendOptions {
  /**
   * Absolute URL of the backend's routes on the app's origin, e.g. `new URL('/bff', location.origin).href`;
   * https, or http on loopback. Its cookie goes with every request.
   */
  readonly url: string
  /** The header every request carries for the backend's CSRF check; `x-payauth-csrf` by default. */
  readonly csrfHeader?: string
}

/** A provider reached through the app's backend; `clientId` and `redirectUri` are the backend's business. */
export interface BackendProvider extends OAuthProvider<string> {
  /** Always `true`: tells `createAuthClient` to take no `clientId` or `redirectUri`. */
  readonly backend: true
}

/**
 * Sign-in through the app's own backend-for-frontend (`createBff` of `@payauth/server`), for
 * providers that demand a client secret (Paysafe, PicPay, getpaid, FAPI banks) and for the highest
 * browser-app security tier: the backend keeps the secret and the refresh token; the browser gets
 * short-lived access tokens only, with the same snapshot, hooks, `auth.fetch` and cross-tab
 * single-flight renewal as with `pace()`. Sign-ins are full-page redirects to the backend's
 * `/login`: `loginWithPopup()`, `appState`, `intent`, `authorizationDetails` and a scope beyond the
 * client's and the session's are refused with `invalid_config`, and `exchangeToken()` is not
 * available.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps
 * @example createAuthClient({ provider: backend({ url: new URL('/bff', location.origin).href }) })
 */
export function backend(options: BackendOptions): BackendProvider {
  const base = requireSecureUrl(options.url, 'backend url')
  return {
    name: 'backend',
    issuer: base.href,
    backend: true,
    connect: (context) => backendConnection(base, options.csrfHeader ?? 'x-payauth-csrf', context),
  }
}
