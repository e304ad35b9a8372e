import * as oauth from 'oauth4webapi'
import { AuthErrorCode } from '../errors.ts'
import type { AuthorizationServer } from './discoverServer.ts'
import type { HttpOptions } from './httpOptions.ts'
import { toAuthError } from './toAuthError.ts'
import { tokenEndpointCall } from './tokenEndpointCall.ts'

/** Token type URIs of RFC 8693 §3. */
export const TokenTypeUri = {
  AccessToken: 'urn:ietf:params:oauth:token-type:access_token',
  RefreshToken: 'urn:ietf:params:oauth:token-type:refresh_token',
  IdToken: 'urn:ietf:params:oauth:token-type:id_token',
  Jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const

export interface TokenExchangeOptions {
  /** The token to exchange; the session's access token by default. */
  readonly subjectToken?: string
  /** Its type; an access token by default. */
  readonly subjectTokenType?: string
  /** Keycloak: the identity provider alias that issued an external subject token. */
  readonly subjectIssuer?: string
  /** Logical name of the service the new token is for. */
  readonly audience?: string
  /** URI of the resource the new token is for. */
  readonly resource?: string
  /** Scopes for the new token, at most those of the subject token. */
  readonly scope?: readonly string[]
  readonly requestedTokenType?: string
}

/** A token obtained by exchange. It does not replace the session's tokens. */
export interface ExchangedToken {
  readonly accessToken: string
  readonly tokenType: string
  /** What the server issued, e.g. `urn:ietf:params:oauth:token-type:access_token`. */
  readonly issuedTokenType: string | undefined
  readonly expiresAt: number | undefined
  readonly scope: readonly string[] | undefined
}

/**
 * RFC 8693 token exchange as a public client, as PACE's native SDKs offer it.
 * @see https://www.rfc-editor.org/rfc/rfc8693
 */
export async function exchangeToken(
  server: AuthorizationServer,
  clientId: string,
  subjectToken: string,
  exchange: TokenExchangeOptions,
  context: { readonly scopeSeparator: string; readonly now: number },
  http: HttpOptions,
): Promise<ExchangedToken> {
  const client: oauth.Client = { client_id: clientId }
  const params = new URLSearchParams({
    subject_token: subjectToken,
    subject_token_type: exchange.subjectTokenType ?? TokenTypeUri.AccessToken,
  })
  if (exchange.subjectIssuer) params.set('subject_issuer', exchange.subjectIssuer)
  if (exchange.audience) params.set('audience', exchange.audience)
  if (exchange.resource) params.set('resource', exchange.resource)
  if (exchange.scope) params.set('scope', exchange.scope.join(context.scopeSeparator))
  if (exchange.requestedTokenType) params.set('requested_token_type', exchange.requestedTokenType)
  try {
    const result = await tokenEndpointCall(
      () =>
        oauth.genericTokenEndpointRequest(
          server,
          client,
          oauth.None(),
          'urn:ietf:params:oauth:grant-type:token-exchange',
          params,
          http,
        ),
      (response) => oauth.processGenericTokenEndpointResponse(server, client, response),
    )
    return {
      accessToken: result.access_token,
      tokenType: result.token_type === 'dpop' ? 'DPoP' : 'Bearer',
      issuedTokenType: typeof result.issued_token_type === 'string' ? result.issued_token_type : undefined,
      expiresAt: typeof result.expires_in === 'number' ? context.now + result.expires_in * 1000 : undefined,
      scope: typeof result.scope === 'string' ? result.scope.split(context.scopeSeparator).filter(Boolean) : undefined,
    }
  } catch (error) {
    throw toAuthError(error, AuthErrorCode.InvalidResponse, 'The token exchange response is not valid')
  }
}
