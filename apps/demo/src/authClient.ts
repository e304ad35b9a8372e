import { createAuthClient } from '@payauth/core'
import { clientId, provider, scope } from './config.ts'

/** One client for the whole app, created outside React as payauth expects. */
export const authClient = createAuthClient({
  provider,
  clientId,
  redirectUri: new URL('/callback', window.location.origin).href,
  scope,
})
