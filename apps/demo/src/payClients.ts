import { type AuthClient, createAuthClient } from '@payauth/core'
import { legacyImplicit } from '@payauth/core/implicit'
import { oauth20 } from '@payauth/core/oauth20'
import { payApiBaseUrl } from './config.ts'

const redirectUri = new URL('/pay/callback', window.location.origin).href

/** The oauth20 API's public client, code + PKCE: the way to use it. */
export const payAuthClient = createAuthClient({
  provider: oauth20({ baseUrl: payApiBaseUrl }),
  clientId: 'demo-spa',
  redirectUri,
  scope: ['openid', 'payments'],
  postLogoutRedirectUri: '/pay',
})

let implicitClient: AuthClient | undefined

/**
 * The same registration in legacy implicit mode, made only when the page's toggle asks for it, or
 * when a sign-in comes back with its token in the fragment (it warns in the console). It shares
 * `payAuthClient`'s store, so the session it completes is the pay page's.
 */
export function payImplicitClient(): AuthClient {
  implicitClient ??= createAuthClient({
    provider: oauth20({ baseUrl: payApiBaseUrl, legacyImplicit: legacyImplicit() }),
    clientId: 'demo-spa',
    redirectUri,
    scope: ['openid', 'payments'],
  })
  return implicitClient
}

/** The client for this page load: an implicit response (token in the fragment) needs the implicit one. */
export function payClientForPage(): AuthClient {
  const fragment = new URLSearchParams(window.location.hash.slice(1))
  return fragment.has('access_token') || fragment.has('error') ? payImplicitClient() : payAuthClient
}
