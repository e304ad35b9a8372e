import { createAuthClient } from '@payauth/core'
import { dpop } from '@payauth/core/dpop'
import { popupNavigator } from '@payauth/core/popup'
import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
import { stepUp } from '@payauth/core/step-up'
import { clientId, dpopClientId, provider, scope, walletBaseUrl } from './config.ts'

/**
 * `?requestTimeout=<ms>` in the address the page loads with gives up on a server that does not
 * answer sooner than payauth's own 10 s: the end-to-end test of a hung token endpoint uses it.
 */
const requestTimeoutMs = Number(new URLSearchParams(window.location.search).get('requestTimeout')) || 0

/** One client per registration, created outside React as payauth expects. */
export const authClient = createAuthClient({
  ...(requestTimeoutMs > 0
    ? {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            signal: AbortSignal.any([AbortSignal.timeout(requestTimeoutMs), ...(init?.signal ? [init.signal] : [])]),
          }),
      }
    : {}),
  provider,
  clientId,
  redirectUri: new URL('/callback', window.location.origin).href,
  scope,
  // Where IndexedDB is unavailable, sign-in happens in a popup: a redirect would lose it with the page.
  navigator: popupNavigator(),
  // auth.fetch sends the token to the wallet API and to no other origin.
  resourceOrigins: [walletBaseUrl],
  // Wallet operations need PSD2 SCA; the partner backend checks the PIN or SMS code.
  sca: paysafeSca({ verifier: partnerScaVerifier({ baseUrl: `${walletBaseUrl}/partner` }) }),
  // Statements need a stronger sign-in (RFC 9470).
  stepUp: stepUp(),
})

/** The same app with sender-constrained tokens: the DPoP page signs in with this one. */
export const dpopAuthClient = createAuthClient({
  provider,
  clientId: dpopClientId,
  redirectUri: new URL('/dpop/callback', window.location.origin).href,
  postLogoutRedirectUri: '/dpop',
  scope,
  dpop: dpop(),
})
