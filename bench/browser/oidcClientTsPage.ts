// oidc-client-ts's test page: a UserManager as its docs set one up for a public client (code +
// PKCE are its defaults), renewing with the refresh token through automaticSilentRenew.
// - Settings: https://authts.github.io/oidc-client-ts/interfaces/UserManagerSettings.html
// - Refresh: docs/protocols/refresh-token-grant.md ("signinSilent() must be used to start the
//   flow. The refreshed access token is now accessible via getUser()?.access_token").
// - Sessions shared by tabs: react-oidc-context's README ("Automatic sign-in") passes
//   `userStore: new WebStorageStateStore({ store: window.localStorage })`; the default is
//   sessionStorage, where each tab keeps (and signs in for) a session of its own. The page server
//   picks one per origin, so both are measured.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts'
import { installBench } from './installBench.ts'

const userManager = new UserManager({
  authority: benchConfig.issuer,
  client_id: benchConfig.clientId,
  redirect_uri: benchConfig.redirectUri,
  scope: 'openid',
  automaticSilentRenew: true,
  // The default, 60 s before expiry, is meant for tokens of minutes: with the bench's 5-second
  // tokens it would renew every second. Its timers count whole seconds (expires_at too), so 2 s
  // renews 1-2 s before expiry, near payauth's 1.25 s for these tokens; 1 s renews at expiry.
  accessTokenExpiringNotificationTimeInSeconds: 2,
  ...(benchConfig.userStore === 'localStorage'
    ? { userStore: new WebStorageStateStore({ store: window.localStorage }) }
    : {}),
})

installBench({
  login: () => userManager.signinRedirect(),
  async completeCallback() {
    // What react-oidc-context's AuthProvider does when the URL carries the response.
    await userManager.signinCallback()
    window.history.replaceState({}, document.title, window.location.pathname)
  },
  async restore() {
    return (await userManager.getUser()) !== null
  },
  async accessToken() {
    const user = await userManager.getUser()
    if (user && !user.expired) return user.access_token
    const renewed = await userManager.signinSilent()
    if (!renewed) throw new Error('signinSilent() returned no user')
    return renewed.access_token
  },
  async expiresAt() {
    const expiresAt = (await userManager.getUser())?.expires_at
    return expiresAt === undefined ? undefined : expiresAt * 1_000
  },
})
