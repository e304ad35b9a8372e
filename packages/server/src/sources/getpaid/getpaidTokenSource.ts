import { endpointUrl } from '../endpointUrl.ts'
import { requiredOption } from '../requiredOption.ts'
import { scopeParameter } from '../scopeParameter.ts'
import { sendTokenRequest } from '../sendTokenRequest.ts'
import { readTokenJson, tokenResponseFields } from '../tokenResponseFields.ts'
import { cachedTokenSource, type TokenSource } from '../tokenSource.ts'
import { type TokenSourceOptions, tokenSourceDeps } from '../tokenSourceOptions.ts'
import { GetpaidToken } from './getpaidToken.ts'

const label = 'getpaid'

/** getpaid's two APIs, as token audiences: the environment picks one. */
export const getpaidAudiences = {
  /** The live API. */
  live: 'https://api.getpaid.io',
  /** The sandbox API, for tests: the same token endpoint, with separate credentials. */
  sandbox: 'https://api.sandbox.getpaid.io',
} as const

/** `live` or `sandbox`: which getpaid API the tokens are for. */
export type GetpaidEnvironment = keyof typeof getpaidAudiences

/** Scopes of getpaid's API reference (each endpoint lists the ones it needs); others pass too. */
export type GetpaidScope = 'accounts:read_write' | 'invoices:read_write' | (string & {})

/** Options of {@link getpaidTokenSource}. */
export interface GetpaidTokenSourceOptions extends TokenSourceOptions {
  /** `live` asks for `https://api.getpaid.io`, `sandbox` for `https://api.sandbox.getpaid.io`. */
  readonly environment: GetpaidEnvironment
  /** The authorization server; the token endpoint is `{baseUrl}/oauth/token`. Default: `https://auth.getpaid.io`. */
  readonly baseUrl?: string
  /** The API client's `client_id` from getpaid, for the chosen environment. */
  readonly clientId: string
  /** The API client's `client_secret`. Server-side only; kept out of every error and log line. */
  readonly clientSecret: string
  /** The scopes the token needs, e.g. `['accounts:read_write', 'invoices:read_write']`. */
  readonly scope: string | readonly GetpaidScope[]
}

/** getpaid access tokens (JWTs, an hour by default), renewed a minute before they expire. */
export type GetpaidTokenSource = TokenSource<GetpaidToken>

/**
 * Client-credentials JWTs from getpaid's `POST /oauth/token`, with the JSON body of getpaid's
 * page: `{client_id, client_secret, audience, grant_type, scope}`. Throws `invalid_config` at once
 * without a client id, secret or scope, for an unknown environment, or for a `baseUrl` that is not
 * https (plain http only to loopback).
 *
 * @example
 * ```ts
 * const getpaid = getpaidTokenSource({
 *   environment: 'sandbox',
 *   clientId: process.env.GETPAID_CLIENT_ID!,
 *   clientSecret: process.env.GETPAID_CLIENT_SECRET!,
 *   scope: ['accounts:read_write', 'invoices:read_write'],
 * })
 * await fetch(`${getpaidAudiences.sandbox}/...`, {
 *   headers: { authorization: `Bearer ${await getpaid.getAccessToken()}` },
 * })
 * ```
 *
 * @see https://docs.getpaid.io/integration/api/authentication
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4 the client credentials grant
 */
export function getpaidTokenSource(options: GetpaidTokenSourceOptions): GetpaidTokenSource {
  const clientId = requiredOption(label, 'clientId', options.clientId)
  const clientSecret = requiredOption(label, 'clientSecret', options.clientSecret)
  const audience = requiredOption(label, 'environment', getpaidAudiences[options.environment])
  const scope = requiredOption(label, 'scope', scopeParameter(options.scope))
  const tokenEndpoint = endpointUrl(label, options.baseUrl ?? 'https://auth.getpaid.io', '/oauth/token').href
  const deps = tokenSourceDeps(options, [clientSecret])

  async function requestToken(): Promise<GetpaidToken> {
    const issuedAt = deps.now()
    const response = await sendTokenRequest(
      label,
      tokenEndpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_id: clientId,
          client_secret: clientSecret,
          audience,
          grant_type: 'client_credentials',
          scope,
        }),
      },
      deps,
    )
    const body = await readTokenJson(label, response)
    return new GetpaidToken(tokenResponseFields(label, body, issuedAt, scope), audience)
  }

  return cachedTokenSource(label, requestToken, deps)
}
