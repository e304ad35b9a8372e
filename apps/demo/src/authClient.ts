import { createAuthClient } from '@payauth/core'
import { dpop } from '@payauth/core/dpop'
import { popupNavigator } from '@payauth/core/popup'
import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
import { stepUp } from '@payauth/core/step-up'
import { clientId, dpopClientId, provider, scope, walletBaseUrl } from './config.ts'
import { recordingWalletOperations } from './walletOperations.ts'

/**
 * `?requestTimeout=<ms>` in the address the page loads with gives up on a server that does not
 * answer sooner than payauth's own 10 s: the end-to-end test of a hung token endpoint uses it.
 */
const requestTimeoutMs = Number(new URLSearchParams(window.location.search).get('requestTimeout')) || 0

const timedFetch: typeof fetch =
  requestTimeoutMs > 0
    ? (input, init) =>
        fetch(input, {
          ...init,
          signal: AbortSignal.any([AbortSignal.timeout(requestTimeoutMs), ...(init?.signal ? [init.signal] : [])]),
        })
    : (input, init) => fetch(input, init)

/** One client per registration, created outside React as payauth expects. */
export const authClient = createAuthClient({
  provider,
  clientId,
  redirectUri: new URL('/callback', window.location.origin).href,
  scope,
  // Redirects as usual, auth.loginWithPopup() for the home page's popup sign-in, and sign-in in a
  // popup where IndexedDB is unavailable (a redirect would lose the pending sign-in with the page).
  navigator: popupNavigator(),
  // Notes which request each SCA challenge holds back, so the dialog can say what is approved.
  fetch: recordingWalletOperations(timedFetch),
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
