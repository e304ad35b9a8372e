import { type AuthClient, createAuthClient, oauth20 } from '@payauth/core'
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
 * The same registration in legacy implicit mode, made only when the page's toggle asks for it
 * (it warns in the console). Its sign-ins complete through `payAuthClient`, which shares its store.
 */
export function payImplicitClient(): AuthClient {
  implicitClient ??= createAuthClient({
    provider: oauth20({ baseUrl: payApiBaseUrl, legacyImplicit: true }),
    clientId: 'demo-spa',
    redirectUri,
    scope: ['openid', 'payments'],
  })
  return implicitClient
}
