/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Issuer of the PACE realm; the local sandbox by default. */
  readonly VITE_PAYAUTH_ISSUER?: string
  /** `production`, `sandbox` or `development`: PACE's own realms, instead of an issuer. */
  readonly VITE_PAYAUTH_ENVIRONMENT?: string
  readonly VITE_PAYAUTH_CLIENT_ID?: string
  /** Client id of the DPoP page's registration. */
  readonly VITE_PAYAUTH_DPOP_CLIENT_ID?: string
  /** Space-separated scopes. */
  readonly VITE_PAYAUTH_SCOPE?: string
  /** Base URL of the oauth20 API (and of the merchant backend that creates its intents). */
  readonly VITE_PAYAUTH_OAUTH20_URL?: string
  /** Base URL of the wallet API (and of the partner backend that verifies SCA). */
  readonly VITE_PAYAUTH_WALLET_URL?: string
  /** Keycloak's `kc_idp_hint`. */
  readonly VITE_PAYAUTH_IDP_HINT?: string
}
