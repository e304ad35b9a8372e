import type { ProtocolClient } from '../oauth/protocolClient.ts'
import { splitScope } from '../tokenSet.ts'

/**
 * Token type URIs of RFC 8693 §3, for `subjectTokenType` and `requestedTokenType`.
 * @see https://www.rfc-editor.org/rfc/rfc8693#section-3
 */
export const TokenTypeUri = {
  /** An OAuth 2.0 access token. */
  AccessToken: 'urn:ietf:params:oauth:token-type:access_token',
  /** An OAuth 2.0 refresh token. */
  RefreshToken: 'urn:ietf:params:oauth:token-type:refresh_token',
  /** An OpenID Connect ID token. */
  IdToken: 'urn:ietf:params:oauth:token-type:id_token',
  /** A JWT of any other kind. */
  Jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const

/**
 * Options of `auth.exchangeToken()`, sent as the RFC 8693 request's parameters; those left
 * undefined (or empty) are not sent.
 * @see https://www.rfc-editor.org/rfc/rfc8693#section-2.1
 */
export interface TokenExchangeOptions {
  /** The token to exchange; the session's access token (renewed first if stale) by default. */
  readonly subjectToken?: string
  /** Its type, a {@link TokenTypeUri}; an access token by default. */
  readonly subjectTokenType?: string
  /** Keycloak: the identity provider alias that issued an external subject token. */
  readonly subjectIssuer?: string
  /** Logical name of the service the new token is for. */
  readonly audience?: string
  /** URI of the resource the new token is for. */
  readonly resource?: string
  /** Scopes for the new token, at most those of the subject token. */
  readonly scope?: readonly string[]
  /** The type of token wanted, a {@link TokenTypeUri}; the server decides when it is not given. */
  readonly requestedTokenType?: string
}

/** A token obtained by exchange. It does not replace the session's tokens, and it is not renewed. */
export interface ExchangedToken {
  /** The token the server issued, whatever its type (`access_token` of the response). */
  readonly accessToken: string
  /** `DPoP` when the server bound it to the client's DPoP key, else `Bearer`. */
  readonly tokenType: string
  /** What the server issued, e.g. `urn:ietf:params:oauth:token-type:access_token`. */
  readonly issuedTokenType: string | undefined
  /** When it stops working, epoch milliseconds, from the server's `expires_in`; undefined when it gave none. */
  readonly expiresAt: number | undefined
  /** The scopes granted, when the server said; undefined when it did not. */
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
 * The server must allow the client to exchange tokens.
 * @see https://www.rfc-editor.org/rfc/rfc8693
 * @example
 * ```ts
 * import { tokenExchange } from '@payauth/core/exchange'
 *
 * const auth = createAuthClient({ ...options, tokenExchange: tokenExchange() })
 * const { accessToken } = await auth.exchangeToken({ audience: 'payment-api', scope: ['payment:payment-methods:read:authenticated'] })
 * ```
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
