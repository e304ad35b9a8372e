import { type OAuthProvider, type PaceEnvironment, type PaceScope, pace } from '@payauth/core'

/** The local sandbox's PACE realm, which `pnpm demo` starts. */
const localSandboxIssuer = 'http://127.0.0.1:9400/auth/realms/pace'

const env = import.meta.env
const environment = env.VITE_PAYAUTH_ENVIRONMENT as PaceEnvironment | undefined
const issuer = env.VITE_PAYAUTH_ISSUER || localSandboxIssuer

export const provider: OAuthProvider<PaceScope> = environment
  ? pace({ environment, idpHint: env.VITE_PAYAUTH_IDP_HINT || undefined })
  : pace({ issuer, idpHint: env.VITE_PAYAUTH_IDP_HINT || undefined })

export const clientId: string = env.VITE_PAYAUTH_CLIENT_ID || 'demo-spa'

/** A second registration of the app whose tokens are DPoP-bound (RFC 9449). */
export const dpopClientId: string = env.VITE_PAYAUTH_DPOP_CLIENT_ID || 'demo-spa-dpop'

export const scope: string[] = (
  env.VITE_PAYAUTH_SCOPE ||
  'openid profile email payment:payment-methods:read:authenticated payment:payment-transactions:read:authenticated'
)
  .split(/\s+/)
  .filter(Boolean)

/** The sandbox serves its demo users; a real provider has its own sign-up. */
export const sandboxOrigin: string | undefined = environment ? undefined : new URL(provider.issuer).origin

/** Base URL of the oauth20 API and of the merchant backend that creates intents; the sandbox by default. */
export const payApiBaseUrl: string = env.VITE_PAYAUTH_OAUTH20_URL || new URL(issuer).origin

/** Base URL of the wallet API and of the partner backend that verifies SCA; the sandbox by default. */
export const walletBaseUrl: string = env.VITE_PAYAUTH_WALLET_URL || new URL(issuer).origin
