import { authError, OAuthResponseError } from '../errors.ts'
import type { ImplicitFlow } from '../oauth/directConfig.ts'
import { directConnection } from '../providers/directConnection.ts'
import type { OAuthProvider } from '../providers/oauthProvider.ts'
import type { IntentType } from '../tokenSet.ts'
import { IntentError, type IntentErrorName, intentErrors } from './intentError.ts'
import { intentParams } from './intentParams.ts'

/** Scopes the oauth20 API documents. */
export type Oauth20Scope = 'openid' | IntentType

/** Options of `oauth20()`. */
export interface Oauth20Options {
  /**
   * Base URL of the API, also the issuer sessions are kept apart by; the endpoints are
   * `/oauth20/authorize` and `/oauth20/token` below it. https, or http on loopback.
   */
  readonly baseUrl: string
  /** The authorization endpoint, when it does not sit at `{baseUrl}/oauth20/authorize`. */
  readonly authorizationEndpoint?: string
  /** The token endpoint, when it does not sit at `{baseUrl}/oauth20/token`. */
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
   * `legacyImplicit()` from `@payauth/core/implicit`: `response_type=token` for servers that offer
   * nothing else. Discouraged (RFC 9700 §2.1.2): the token travels in the URL fragment and cannot
   * be refreshed.
   */
  readonly legacyImplicit?: ImplicitFlow
}

/**
 * An authorize/token pair that binds each sign-in to an intent created beforehand by the app's
 * backend. The server's intent errors arrive as `IntentError`s. Plain OAuth 2.0: no discovery, no
 * nonce or required ID token, and no revocation or end-session endpoint, so logout is local only.
 * @example
 * ```ts
 * import { oauth20 } from '@payauth/core/oauth20'
 *
 * const auth = createAuthClient({ provider: oauth20({ baseUrl: 'https://api.bank.example' }), clientId, redirectUri })
 * await auth.login({ intent: { id: intentId, type: 'payments' } }) // intentId from your backend
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export function oauth20(options: Oauth20Options): OAuthProvider<Oauth20Scope> {
  const base = options.baseUrl.replace(/\/+$/, '')
  if (!base) throw authError('invalid_config', 'oauth20 needs the API base URL', options)
  const scopeSeparator = options.scopeSeparator ?? ','
  return {
    name: 'oauth20',
    issuer: base,
    scopeSeparator,
    connect: directConnection({
      issuer: base,
      scopeSeparator,
      openIdConnect: false,
      endpoints: {
        authorization: options.authorizationEndpoint ?? `${base}/oauth20/authorize`,
        token: options.tokenEndpoint ?? `${base}/oauth20/token`,
      },
      intents: intentParams(
        options.intentIdParam ?? 'intentid',
        options.intentTypeParam ?? 'itype',
        options.requireIntent ?? true,
      ),
      implicit: options.legacyImplicit,
      refineError: (error) =>
        error instanceof OAuthResponseError && intentErrors.includes(error.error as IntentErrorName)
          ? new IntentError(
              {
                error: error.error as IntentErrorName,
                errorDescription: error.errorDescription,
                errorUri: error.errorUri,
                status: error.status,
              },
              { cause: error.cause },
            )
          : error,
    }),
  }
}
