import { createAuthClient, partnerScaVerifier } from '@payauth/core'
import { clientId, dpopClientId, provider, scope, walletBaseUrl } from './config.ts'

/** One client per registration, created outside React as payauth expects. */
export const authClient = createAuthClient({
  provider,
  clientId,
  redirectUri: new URL('/callback', window.location.origin).href,
  scope,
  // Wallet operations need PSD2 SCA; the partner backend checks the PIN or SMS code.
  scaVerifier: partnerScaVerifier({ baseUrl: `${walletBaseUrl}/partner` }),
})

/** The same app with sender-constrained tokens: the DPoP page signs in with this one. */
export const dpopAuthClient = createAuthClient({
  provider,
  clientId: dpopClientId,
  redirectUri: new URL('/dpop/callback', window.location.origin).href,
  postLogoutRedirectUri: '/dpop',
  scope,
  dpop: true,
})
