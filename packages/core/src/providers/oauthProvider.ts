/**
 * What payauth needs to know about an authorization server. Presets such as `pace()` build one;
 * apps with another OpenID provider can write one by hand.
 *
 * `KnownScope` lists the scopes the provider documents. A scope in one of their namespaces
 * (`payment:` for PACE) must be one of them, so a typo fails to compile; scopes outside those
 * namespaces pass unchecked.
 */
export interface OAuthProvider<KnownScope extends string = string> {
  /** Short name for messages, e.g. `pace`. */
  readonly name: string
  /** The issuer identifier; its discovery document is read from `/.well-known/openid-configuration`. */
  readonly issuer: string
  /** Authorization request parameters sent with every sign-in (e.g. Keycloak's `kc_idp_hint`). */
  readonly authorizeParams?: Readonly<Record<string, string>>
  /** How scopes are joined on the wire; RFC 6749 says a space. */
  readonly scopeSeparator?: string
  /**
   * Whether the server speaks OpenID Connect: then `openid` brings a nonce and a required, validated
   * ID token. True unless set false (oauth20 accepts an `openid` scope but issues no ID token).
   */
  readonly openIdConnect?: boolean
  /** Endpoints given outright, for servers without a discovery document. */
  readonly endpoints?: ProviderEndpoints
  /** How sign-ins name the intent (a payment consent...) they authorize, for intent-based APIs. */
  readonly intents?: IntentParams
  /**
   * Use the implicit flow (`response_type=token`) instead of code + PKCE. Legacy: RFC 9700 forbids
   * it, tokens travel in the URL fragment and cannot be refreshed. Only for servers that offer
   * nothing else.
   */
  readonly legacyImplicit?: boolean
  /** Type-level only, never set: carries `KnownScope` to `createAuthClient`. */
  readonly knownScope?: KnownScope
}

export interface ProviderEndpoints {
  readonly authorization: string
  readonly token: string
  readonly revocation?: string
  readonly endSession?: string
}

export interface IntentParams {
  /** Authorization parameter that carries the intent id, e.g. `intentid`. */
  readonly idParam: string
  /** Authorization parameter that carries the intent type, e.g. `itype`. */
  readonly typeParam: string
  /** Whether every sign-in must name an intent. */
  readonly required: boolean
}

type Namespace<Scope extends string> = Scope extends `${infer Prefix}:${string}` ? Prefix : never

/**
 * `Scope` itself, unless it claims a documented namespace without being a documented scope: then
 * the documented ones, which makes the typo a compile error that lists the valid choices.
 */
export type CheckedScope<KnownScope extends string, Scope extends string> = string extends KnownScope
  ? Scope
  : Scope extends `${Namespace<KnownScope>}:${string}`
    ? KnownScope
    : Scope
