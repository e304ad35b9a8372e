import {
  merchantBackendClientId,
  merchantBackendClientSecret,
  paceBffClientId,
  paceBffClientSecret,
} from '@payauth/sandbox'
import { type Bff, clientSecretBasic, createBff, oauth20Provider, paceProvider } from '@payauth/server'
import type { BackendConfig } from './backendConfig.ts'
import type { SandboxEndpoints } from './sandboxEndpoints.ts'
import type { SessionStores } from './sessionStores.ts'

/** The demo's two backends-for-frontend. */
export interface DemoBffs {
  /** PACE, token-mediating: the SPA's `backend({ url: '/bff' })` client gets short-lived access tokens. */
  readonly pace: Bff
  /** The oauth20 bank API's confidential client: sign-ins authorize an intent made by `POST /pay/bff/intents`. */
  readonly pay: Bff
}

/** What the demo asks PACE for: the same scopes as its public client. */
const paceBffScope = [
  'openid',
  'profile',
  'email',
  'payment:payment-methods:read:authenticated',
  'payment:payment-transactions:read:authenticated',
]

/**
 * Both BFFs on the app's origin, with the sandbox's confidential clients. Their secrets come from
 * the sandbox's own constants and stay in this process: the SPA bundle never imports them.
 */
export function createDemoBffs(
  config: Pick<BackendConfig, 'appOrigin' | 'sessionKeys'>,
  sandbox: SandboxEndpoints,
  stores: Pick<SessionStores, 'pace' | 'pay'>,
): DemoBffs {
  const pace = createBff({
    baseUrl: `${config.appOrigin}/bff`,
    provider: paceProvider({
      issuer: sandbox.paceIssuer,
      clientId: paceBffClientId,
      clientAuthentication: clientSecretBasic(paceBffClientSecret),
      scope: paceBffScope,
    }),
    sessionKeys: config.sessionKeys,
    mode: 'token-mediating',
    // RFC 9470 step-up from the SPA (the wallet's statements want acr `strong`), checked at the callback.
    loginParameters: ['acr_values', 'max_age'],
    ...(stores.pace ? { sessionStore: stores.pace } : {}),
  })
  const pay = createBff({
    baseUrl: `${config.appOrigin}/pay/bff`,
    provider: oauth20Provider({
      baseUrl: sandbox.oauth20BaseUrl,
      clientId: merchantBackendClientId,
      clientAuthentication: clientSecretBasic(merchantBackendClientSecret),
    }),
    sessionKeys: config.sessionKeys,
    // Two BFFs on one host: each needs its own cookie.
    cookieName: 'payauth-pay-bff',
    ...(stores.pay ? { sessionStore: stores.pay } : {}),
  })
  return { pace, pay }
}
