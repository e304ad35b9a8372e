import { createAuthClient } from '@payauth/core'
import { backend } from '@payauth/core/backend'
import { stepUp } from '@payauth/core/step-up'
import { provider, walletBaseUrl } from './config.ts'

/**
 * The pages call PACE's userinfo endpoint and the wallet with the backend's access token: other
 * origins than the app's.
 */
const resourceOrigins = [new URL(provider.issuer).origin, walletBaseUrl]

/**
 * Sign-in through the app's backend-for-frontend (apps/backend at `/bff`): the backend keeps
 * PACE's client secret and the refresh token; this client gets short-lived access tokens.
 */
export const backendAuthClient = createAuthClient({
  provider: backend({ url: new URL('/bff', window.location.origin).href }),
  postLogoutRedirectUri: '/backend',
  resourceOrigins,
  // The wallet's statements ask for a stronger sign-in; the backend passes acr_values on.
  stepUp: stepUp(),
})

/** The oauth20 bank API through the merchant's backend (`/pay/bff`), whose confidential client creates intents. */
export const payBackendAuthClient = createAuthClient({
  provider: backend({ url: new URL('/pay/bff', window.location.origin).href }),
  postLogoutRedirectUri: '/pay-backend',
})

/** The header the backend's CSRF check asks of every call the SPA makes. */
export const csrfHeaders = { 'x-payauth-csrf': '1' } as const

/**
 * A JSON call to the demo backend on this origin: the session cookie goes along by itself
 * (same origin), the CSRF header must be added.
 */
export async function callBackend<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers)
  for (const [name, value] of Object.entries(csrfHeaders)) headers.set(name, value)
  const response = await fetch(path, { ...init, headers })
  const body = (await response.json().catch(() => undefined)) as (T & { error?: string; message?: string }) | undefined
  if (!response.ok || body === undefined) {
    throw new Error(body?.message ?? `The backend answered ${response.status}${body?.error ? ` (${body.error})` : ''}`)
  }
  return body
}
