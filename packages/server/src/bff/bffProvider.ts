import type { ClientAuthentication } from './clientAuthentication.ts'

/** Endpoints of a provider that publishes no discovery document. */
export interface ProviderEndpoints {
  /** The authorization endpoint (RFC 6749 §3.1) the browser is sent to; https. */
  readonly authorization: string
  /** The token endpoint (RFC 6749 §3.2) the BFF redeems codes and refresh tokens at; https. */
  readonly token: string
  /** RFC 7009 token revocation, if the provider has it. */
  readonly revocation?: string
  /** OpenID RP-initiated logout, if the provider has it; without it, logout answers `returnTo` as `logoutUrl`. */
  readonly endSession?: string
}

/** Where and how a provider creates intents (the oauth20 API's pre-authorization step). */
export interface IntentSettings {
  /** `POST` here with a client-credentials token creates an intent. */
  readonly endpoint: string
  /** Authorize parameter carrying the intent id (`intentid` on the documented API). */
  readonly idParameter: string
  /** Authorize parameter carrying the intent type (`itype` on the documented API). */
  readonly typeParameter: string
}

/**
 * A provider as the BFF signs in to it: build one with `paceProvider()` or `oauth20Provider()`.
 * The BFF talks to exactly one provider; mount one BFF per provider, each with its own base path
 * and cookie name (its own redirect URI is also the RFC 9700 mix-up defence).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.4 mix-up attacks
 */
export interface BffProvider {
  /** The issuer identifier, compared with `iss` in authorization responses (RFC 9207). */
  readonly issuer: string
  /** Without them, the endpoints come from the issuer's `/.well-known/openid-configuration`. */
  readonly endpoints?: ProviderEndpoints
  /** The client id the provider registered for this BFF (a confidential client). */
  readonly clientId: string
  /** How the BFF authenticates at the token endpoint: {@link clientSecretBasic}, {@link clientSecretPost} or {@link privateKeyJwt}. */
  readonly clientAuthentication: ClientAuthentication
  /** Scopes of the authorization request, joined with `scopeSeparator`; a sign-in for an intent adds the intent's type. */
  readonly scope: readonly string[]
  /** How scopes are joined in the authorize request: `' '` (RFC 6749) or `','` (oauth20 API). */
  readonly scopeSeparator: string
  /** OpenID Connect: a nonce is sent and an ID token required and validated. */
  readonly openid: boolean
  /** Fixed extra authorize parameters (e.g. `ui_locales`). */
  readonly authorizationParameters?: Readonly<Record<string, string>>
  /** Set for providers whose every sign-in authorizes an intent created beforehand. */
  readonly intents?: IntentSettings
}
