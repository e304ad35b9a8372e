import { ServerAuthError, ServerErrorCode } from '../../errors.ts'
import { endpointUrl } from '../endpointUrl.ts'
import { requiredOption } from '../requiredOption.ts'
import { scopeParameter } from '../scopeParameter.ts'
import { cachedTokenSource, type TokenSource } from '../tokenSource.ts'
import { type TokenSourceOptions, tokenSourceDeps } from '../tokenSourceOptions.ts'
import { withRetries } from '../withRetries.ts'
import { paysafeGrant } from './paysafeGrants.ts'
import type { PaysafeToken } from './paysafeToken.ts'
import { type PaysafeUserTokens, paysafeUserTokens } from './paysafeUserTokens.ts'

const label = 'Paysafe'
const tokenExchangeGrantType = 'urn:ietf:params:oauth:grant-type:token-exchange'
const accessTokenType = 'urn:ietf:params:oauth:token-type:access_token'

/** Options of {@link paysafeTokenSource}. */
export interface PaysafeTokenSourceOptions extends TokenSourceOptions {
  /** The wallet API, e.g. `https://api.paysafe.com/digitalwallets/v1`; tokens come from `{baseUrl}/auth/brands/{brandIdentity}/token`. */
  readonly baseUrl: string
  /** Your brand at Paysafe, e.g. `liberty`. */
  readonly brandIdentity: string
  /** The brand client's id from Paysafe; sent URL-encoded in HTTP Basic with the secret. */
  readonly clientId: string
  /** Server-side only. Sent in HTTP Basic, URL-encoded as Paysafe requires. */
  readonly clientSecret: string
  /** The scope of the client-credentials token; Paysafe's default when left out. */
  readonly scope?: string | readonly string[]
  /** The `iss` of the brand's ID tokens. Default: `{baseUrl}/auth/brands/{brandIdentity}`. */
  readonly issuer?: string
  /**
   * Allows `passwordGrant()`. RFC 9700 §2.4 says the password grant MUST NOT be used: it hands the
   * user's password to your server. Only for an integration that cannot move yet; it warns once.
   */
  readonly legacyPasswordGrant?: boolean
}

/**
 * RFC 8693 token exchange: a token of the user (from your identity provider) for Paysafe tokens for that user.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8693#section-2.1
 */
export interface PaysafeTokenExchangeRequest {
  /** The user's token from an identity provider the brand trusts (`subject_token`); required, and kept out of errors. */
  readonly subjectToken: string
  /** Default: `urn:ietf:params:oauth:token-type:access_token`. */
  readonly subjectTokenType?: string
  /** `requested_token_type`, e.g. `urn:ietf:params:oauth:token-type:access_token`; not sent when undefined, so Paysafe picks. */
  readonly requestedTokenType?: string
  /** `audience`: where the tokens will be used; not sent when undefined. */
  readonly audience?: string
  /** The scope asked for, as a string or a list joined with spaces; not sent when undefined or empty. */
  readonly scope?: string | readonly string[]
}

/** The legacy password grant's input: the user's own credentials (see `legacyPasswordGrant`). */
export interface PaysafePasswordGrantRequest {
  /** The user's username at Paysafe; required. */
  readonly username: string
  /** The user's password; required, and kept out of errors and logs. */
  readonly password: string
  /** The scope asked for, as a string or a list joined with spaces; not sent when undefined or empty. */
  readonly scope?: string | readonly string[]
}

/** The brand's client-credentials token, plus user tokens by token exchange (or the legacy password grant). */
export interface PaysafeTokenSource extends TokenSource<PaysafeToken> {
  /** Exchanges a user's token for Paysafe tokens for that user, renewed by refresh-token rotation. */
  exchange(request: PaysafeTokenExchangeRequest): Promise<PaysafeUserTokens>
  /** The legacy password grant; refused unless `legacyPasswordGrant` is set. */
  passwordGrant(request: PaysafePasswordGrantRequest): Promise<PaysafeUserTokens>
}

/**
 * Tokens from a Paysafe brand's token endpoint: client credentials (cached, renewed early, one
 * request at a time), token exchange and refresh-token rotation for users, and the password
 * grant only behind `legacyPasswordGrant`. The wire format is Paysafe's: a form body, and the
 * client in HTTP Basic of `urlencode(id):urlencode(secret)` (RFC 6749 §2.3.1). Throws
 * `invalid_config` at once without a brand, client id or secret, or for a `baseUrl` that is not
 * https (plain http only to loopback).
 *
 * @example
 * ```ts
 * const paysafe = paysafeTokenSource({
 *   baseUrl: 'https://api.paysafe.com/digitalwallets/v1',
 *   brandIdentity: 'liberty',
 *   clientId: process.env.PAYSAFE_CLIENT_ID!,
 *   clientSecret: process.env.PAYSAFE_CLIENT_SECRET!,
 * })
 * const brandToken = await paysafe.getAccessToken() // client credentials, cached
 * const alice = await paysafe.exchange({ subjectToken: aliceAccessToken }) // tokens for one user
 * const aliceToken = await alice.getAccessToken() // renewed by refresh-token rotation
 * ```
 *
 * @see https://docs.paysafe.com/api/embedded-wallets/common/authentication/issue-access-token
 * @see https://www.rfc-editor.org/rfc/rfc8693 token exchange
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.4 why the password grant is off
 */
export function paysafeTokenSource(options: PaysafeTokenSourceOptions): PaysafeTokenSource {
  const brandIdentity = requiredOption(label, 'brandIdentity', options.brandIdentity)
  const clientId = requiredOption(label, 'clientId', options.clientId)
  const clientSecret = requiredOption(label, 'clientSecret', options.clientSecret)
  const brandPath = `/auth/brands/${encodeURIComponent(brandIdentity)}`
  const tokenEndpoint = endpointUrl(label, options.baseUrl, `${brandPath}/token`)
  const issuer = options.issuer ?? endpointUrl(label, options.baseUrl, brandPath).href
  const deps = tokenSourceDeps(options, [clientSecret])
  const grant = paysafeGrant({ tokenEndpoint, issuer, clientId, clientSecret }, deps)
  const scope = scopeParameter(options.scope)
  let passwordGrantWarned = false

  const brandTokens = cachedTokenSource(
    label,
    async () => (await grant('client_credentials', scope ? { scope } : {}, [])).token,
    deps,
  )

  async function userTokens(grantType: string, parameters: Record<string, string>, secrets: readonly string[]) {
    const first = await withRetries(() => grant(grantType, parameters, secrets), deps)
    return paysafeUserTokens(grant, first, deps)
  }

  return {
    ...brandTokens,
    exchange(request) {
      const subjectToken = requiredOption(label, 'subjectToken', request.subjectToken)
      const requestedScope = scopeParameter(request.scope)
      return userTokens(
        tokenExchangeGrantType,
        {
          subject_token: subjectToken,
          subject_token_type: request.subjectTokenType ?? accessTokenType,
          ...(request.requestedTokenType ? { requested_token_type: request.requestedTokenType } : {}),
          ...(request.audience ? { audience: request.audience } : {}),
          ...(requestedScope ? { scope: requestedScope } : {}),
        },
        [subjectToken],
      )
    },
    async passwordGrant(request) {
      if (!options.legacyPasswordGrant) {
        throw new ServerAuthError(
          ServerErrorCode.InvalidConfig,
          'Paysafe: the password grant is off (RFC 9700 §2.4 forbids it); use exchange(), or set legacyPasswordGrant',
          { cause: { option: 'legacyPasswordGrant' } },
        )
      }
      if (!passwordGrantWarned) {
        passwordGrantWarned = true
        deps.logger.warn(
          'payauth: Paysafe password grant in use. RFC 9700 §2.4 forbids it (your server sees the user password); move to token exchange.',
        )
      }
      const password = requiredOption(label, 'password', request.password)
      const requestedScope = scopeParameter(request.scope)
      return userTokens(
        'password',
        {
          username: requiredOption(label, 'username', request.username),
          password,
          ...(requestedScope ? { scope: requestedScope } : {}),
        },
        [password],
      )
    },
  }
}
