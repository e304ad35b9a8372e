import { AuthError, AuthErrorCode } from '../errors.ts'
import type { OAuthProvider } from './oauthProvider.ts'

/** What an intent authorizes; it was created beforehand through the API. */
export type IntentType = 'payments' | 'rewards' | 'redemptions' | 'accounts' | 'customers'

/** Scopes the oauth20 API documents. */
export type Oauth20Scope = 'openid' | IntentType

export interface Oauth20Options {
  /** Base URL of the API; the endpoints are `/oauth20/authorize` and `/oauth20/token` below it. */
  readonly baseUrl: string
  /** Override single endpoints when they do not sit at the usual paths. */
  readonly authorizationEndpoint?: string
  readonly tokenEndpoint?: string
  /** Name of the intent id parameter; `intentid` as the public API spells it. */
  readonly intentIdParam?: string
  /** Name of the intent type parameter; `itype` as the public API spells it. */
  readonly intentTypeParam?: string
  /** How scopes are joined; the API writes `openid,payments`. */
  readonly scopeSeparator?: string
  /** Whether every sign-in must name an intent; true, as the API refuses sign-ins without one. */
  readonly requireIntent?: boolean
  /**
   * Use `response_type=token`. Legacy and discouraged (RFC 9700 §2.1.2): the token travels in the
   * URL fragment and cannot be refreshed. Logs a warning.
   */
  readonly legacyImplicit?: boolean
}

/** An authorize/token pair that binds each sign-in to an intent created beforehand. */
export function oauth20(options: Oauth20Options): OAuthProvider<Oauth20Scope> {
  const base = options.baseUrl.replace(/\/+$/, '')
  if (!base) {
    throw new AuthError(AuthErrorCode.InvalidConfig, 'oauth20 needs the API base URL', { cause: options })
  }
  if (options.legacyImplicit) {
    console.warn(
      'payauth: oauth20 is set to the legacy implicit flow. Tokens will travel in the URL fragment and cannot be ' +
        'refreshed; RFC 9700 forbids this flow. Use code + PKCE unless the server offers nothing else.',
    )
  }
  return {
    name: 'oauth20',
    issuer: base,
    scopeSeparator: options.scopeSeparator ?? ',',
    openIdConnect: false,
    endpoints: {
      authorization: options.authorizationEndpoint ?? `${base}/oauth20/authorize`,
      token: options.tokenEndpoint ?? `${base}/oauth20/token`,
    },
    intents: {
      idParam: options.intentIdParam ?? 'intentid',
      typeParam: options.intentTypeParam ?? 'itype',
      required: options.requireIntent ?? true,
    },
    ...(options.legacyImplicit ? { legacyImplicit: true } : {}),
  }
}
