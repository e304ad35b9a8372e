import { ServerAuthError, ServerErrorCode } from '../../errors.ts'
import { endpointUrl } from '../endpointUrl.ts'
import { ProviderTokenError } from '../providerTokenError.ts'
import { requiredOption } from '../requiredOption.ts'
import { sendTokenRequest } from '../sendTokenRequest.ts'
import { readTokenJson, tokenResponseFields } from '../tokenResponseFields.ts'
import { cachedTokenSource, type TokenSource } from '../tokenSource.ts'
import { type TokenSourceOptions, tokenSourceDeps } from '../tokenSourceOptions.ts'
import { PicpayToken, picpayTokenExtras } from './picpayToken.ts'

const label = 'PicPay'

/**
 * The errors PicPay's token page documents (400 or 401).
 *
 * @see https://developers-business.picpay.com/payment-link/en/docs/sandbox/api/token
 */
export type PicpayTokenErrorCode = 'invalid_client' | 'unauthorized_client' | 'unsupported_grant_type'

const picpayTokenErrorCodes: readonly string[] = ['invalid_client', 'unauthorized_client', 'unsupported_grant_type']

/** Options of {@link picpayTokenSource}. */
export interface PicpayTokenSourceOptions extends TokenSourceOptions {
  /** PicPay's API base; the token endpoint is `{baseUrl}/oauth2/token`. */
  readonly baseUrl: string
  /** The credential's `CLIENT_ID` (PicPay requires `^[\w-]+$`). */
  readonly clientId: string
  /** The credential's `CLIENT_SECRET` (PicPay requires `^\w+$`). Server-side only. */
  readonly clientSecret: string
}

/** PicPay access tokens: 5-minute client-credentials tokens, replaced 30 s before they expire. */
export type PicpayTokenSource = TokenSource<PicpayToken>

/**
 * Client-credentials tokens from PicPay's `POST /oauth2/token`, sent as the JSON body PicPay
 * documents: `{grant_type, client_id, client_secret}`. Refusals reject with a
 * `ProviderTokenError` whose `error` is one of {@link PicpayTokenErrorCode}, without retries.
 * Throws `invalid_config` at once for a client id or secret that is missing or breaks PicPay's
 * patterns, or for a `baseUrl` that is not https (plain http only to loopback).
 *
 * @example
 * ```ts
 * const picpay = picpayTokenSource({
 *   baseUrl: process.env.PICPAY_BASE_URL!,
 *   clientId: process.env.PICPAY_CLIENT_ID!,
 *   clientSecret: process.env.PICPAY_CLIENT_SECRET!,
 * })
 * const response = await fetch(picpayApiUrl, {
 *   headers: { authorization: `Bearer ${await picpay.getAccessToken()}` },
 * })
 * if (response.status === 401) picpay.invalidate() // the next call asks for a new token
 * ```
 *
 * @see https://developers-business.picpay.com/payment-link/en/docs/sandbox/api/token
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4 the client credentials grant
 */
export function picpayTokenSource(options: PicpayTokenSourceOptions): PicpayTokenSource {
  const clientId = requiredOption(label, 'clientId', options.clientId)
  const clientSecret = requiredOption(label, 'clientSecret', options.clientSecret)
  // PicPay's own patterns: a credential that fails them can never work, so say so at start-up.
  if (!/^[\w-]+$/.test(clientId)) throw invalidConfig('clientId must match ^[\\w-]+$')
  if (!/^\w+$/.test(clientSecret)) throw invalidConfig('clientSecret must match ^\\w+$')
  const tokenEndpoint = endpointUrl(label, options.baseUrl, '/oauth2/token').href
  const deps = tokenSourceDeps(options, [clientSecret])

  async function requestToken(): Promise<PicpayToken> {
    const issuedAt = deps.now()
    const response = await sendTokenRequest(
      label,
      tokenEndpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      },
      deps,
    )
    const body = await readTokenJson(label, response)
    return new PicpayToken(tokenResponseFields(label, body, issuedAt, undefined), picpayTokenExtras(body))
  }

  return cachedTokenSource(label, requestToken, deps)
}

/**
 * Whether `error` is PicPay refusing the credential (`token_error`) with one of its documented
 * errors, narrowing it to a `ProviderTokenError` with a {@link PicpayTokenErrorCode}.
 */
export function isPicpayTokenError(error: unknown): error is ProviderTokenError<PicpayTokenErrorCode> {
  return (
    error instanceof ProviderTokenError &&
    error.code === ServerErrorCode.TokenError &&
    picpayTokenErrorCodes.includes(String(error.error))
  )
}

function invalidConfig(message: string): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.InvalidConfig, `${label}: ${message}`, { cause: { option: message } })
}
