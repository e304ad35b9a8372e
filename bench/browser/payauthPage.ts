// payauth's test page: the core as the README's quick start sets it up (defaults for storage,
// locks, cross-tab channel and navigation), without React, like the other libraries' pages.
import { createAuthClient, pace } from '@payauth/core'
import { installBench } from './installBench.ts'

const auth = createAuthClient({
  provider: pace({ issuer: benchConfig.issuer }),
  clientId: benchConfig.clientId,
  redirectUri: benchConfig.redirectUri,
  scope: ['openid'],
})

installBench({
  login: () => auth.login({ returnTo: '/' }),
  async completeCallback() {
    // What <AuthProvider> and <AuthCallback> do on the callback route.
    void auth.start().catch(() => {})
    await auth.handleCallback()
  },
  async restore() {
    await auth.start()
    return auth.getSnapshot().status === 'signedIn'
  },
  accessToken: () => auth.getAccessToken(),
  async expiresAt() {
    const snapshot = auth.getSnapshot()
    return snapshot.status === 'signedIn' ? snapshot.session.expiresAt : undefined
  },
})
