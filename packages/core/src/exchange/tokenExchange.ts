import type { ProtocolClient } from '../oauth/protocolClient.ts'
import { splitScope } from '../tokenSet.ts'

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

/** RFC 8693 token exchange, from `tokenExchange()`: `auth.exchangeToken()` needs it. */
export interface TokenExchangeFeature {
  /** @internal */
  readonly exchange: (
    protocol: ProtocolClient,
    subjectToken: string,
    options: TokenExchangeOptions,
    now: number,
  ) => Promise<ExchangedToken>
}

/**
 * RFC 8693 token exchange as a public client, as PACE's native SDKs offer it:
 * `auth.exchangeToken({ audience, scope })` trades the session's token for another audience's.
 * @see https://www.rfc-editor.org/rfc/rfc8693
 * @example createAuthClient({ ..., tokenExchange: tokenExchange() })
 */
export function tokenExchange(): TokenExchangeFeature {
  return {
    async exchange(protocol, subjectToken, options, now) {
      const params: Record<string, string> = {
        subject_token: subjectToken,
        subject_token_type: options.subjectTokenType ?? TokenTypeUri.AccessToken,
      }
      const optional = {
        subject_issuer: options.subjectIssuer,
        audience: options.audience,
        resource: options.resource,
        scope: options.scope?.join(protocol.scopeSeparator),
        requested_token_type: options.requestedTokenType,
      }
      for (const [name, value] of Object.entries(optional)) if (value) params[name] = value
      const result = await protocol.grant('urn:ietf:params:oauth:grant-type:token-exchange', params)
      return {
        accessToken: result.access_token,
        tokenType: result.token_type === 'dpop' ? 'DPoP' : 'Bearer',
        issuedTokenType: typeof result.issued_token_type === 'string' ? result.issued_token_type : undefined,
        expiresAt: typeof result.expires_in === 'number' ? now + result.expires_in * 1000 : undefined,
        scope: typeof result.scope === 'string' ? splitScope(result.scope, protocol.scopeSeparator) : undefined,
      }
    },
  }
}
