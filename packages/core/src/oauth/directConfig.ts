import type { AuthError } from '../errors.ts'
import type { Intent, TokenSet } from '../tokenSet.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import type { ProviderEndpoints } from './explicitServer.ts'

/** What payauth needs to know to talk to an authorization server straight from the browser. */
export interface DirectProviderConfig {
  /** The issuer identifier; its discovery document is read from `/.well-known/openid-configuration`. */
  readonly issuer: string
  /** Authorization request parameters sent with every sign-in (e.g. Keycloak's `kc_idp_hint`). */
  readonly authorizeParams?: Readonly<Record<string, string>> | undefined
  /** How scopes are joined on the wire; RFC 6749 says a space. */
  readonly scopeSeparator?: string | undefined
  /**
   * Whether the server speaks OpenID Connect: then `openid` brings a nonce and a required, validated
   * ID token. True unless set false.
   */
  readonly openIdConnect?: boolean | undefined
  /** Endpoints given outright, for servers without a discovery document. */
  readonly endpoints?: ProviderEndpoints | undefined
  /** How sign-ins name the intent they authorize, for intent-based APIs (`oauth20()`). */
  readonly intents?: IntentSupport | undefined
  /** The legacy implicit flow, for servers that offer nothing else (`legacyImplicit()`). */
  readonly implicit?: ImplicitFlow | undefined
  /** Gives a provider's own errors their own class (e.g. the intent errors of `oauth20()`). */
  readonly refineError?: ((error: AuthError) => AuthError) | undefined
}

export interface IntentSupport {
  /** The authorization parameters that name `intent`; a typed error before the user leaves when it is unusable. */
  params(intent: Partial<Intent> | undefined): Record<string, string>
}

export interface ImplicitFlow {
  /** Tokens from an implicit response whose `state` was already matched, or its error as a typed error. */
  tokens(
    server: AuthorizationServer,
    fragment: URLSearchParams,
    context: { readonly requestedScope: readonly string[]; readonly scopeSeparator: string; readonly now: number },
  ): TokenSet
}
