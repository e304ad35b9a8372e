import * as oauth from 'oauth4webapi'
import { authError, OAuthResponseError } from '../errors.ts'
import type { LoginTransaction } from '../session/loginTransaction.ts'
import { toAuthError } from '../toAuthError.ts'
import type { TokenSet } from '../tokenSet.ts'
import { readClockSkew } from './clockSkew.ts'
import { type AuthorizationServer, discoverServer } from './discoverServer.ts'
import { explicitServer, type ProviderEndpoints } from './explicitServer.ts'
import { type FetchLike, type HttpOptions, httpOptions } from './httpOptions.ts'
import { throwIfServerError } from './serverError.ts'
import { toTokenSet } from './toTokenSet.ts'

export interface ProtocolClientOptions {
  /** The issuer, already checked to be https or loopback http. */
  readonly issuer: URL
  /** The issuer exactly as configured: servers without discovery are known by it. */
  readonly issuerId: string
  readonly clientId: string
  /** Endpoints given outright; discovery otherwise. */
  readonly endpoints: ProviderEndpoints | undefined
  readonly scopeSeparator: string
  readonly fetch: FetchLike
  readonly now: () => number
  /** Signs token requests with the client's DPoP key, when DPoP is on. */
  readonly dpop: (() => Promise<oauth.DPoPHandle>) | undefined
  /** Reads granted RAR details from a token response, when RAR is on. */
  readonly grantedDetails: ((result: oauth.TokenEndpointResponse) => TokenSet['authorizationDetails']) | undefined
}

/** One request to the server and the processing of its answer, as `call` runs it. */
export type ServerCall<T> = {
  request(server: AuthorizationServer, http: HttpOptions): Promise<Response>
  process(server: AuthorizationServer, response: Response): Promise<T>
}

/** The authorization server's endpoints as one public client uses them; every call has one shape. */
export interface ProtocolClient {
  readonly clientId: string
  readonly scopeSeparator: string
  server(): Promise<AuthorizationServer>
  /** Options for requests without DPoP (revocation, Bearer resource requests). */
  readonly plainHttp: HttpOptions
  /** Options for requests to the server: our fetch, loopback-only plain HTTP, DPoP when on. */
  http(): Promise<HttpOptions>
  /**
   * Runs one request with the server's metadata and our HTTP options: an outage (5xx page) is told
   * apart from an OAuth answer, a DPoP nonce request is retried once, failures become `AuthError`s.
   */
  call<T>(failure: string, call: ServerCall<T>): Promise<T>
  /** Redeems the code of a validated callback (PKCE, no secret) and validates the ID token. */
  redeemCode(callbackParams: URLSearchParams, transaction: LoginTransaction): Promise<TokenSet>
  /** Any grant at the token endpoint, e.g. `refresh_token` or token exchange; the raw validated response. */
  grant(grantType: string, params: Record<string, string>): Promise<oauth.TokenEndpointResponse>
  /** Trades the refresh token for new tokens; what the answer leaves out carries over from `current`. */
  refresh(current: TokenSet & { readonly refreshToken: string }): Promise<TokenSet>
  /** Revokes a refresh token (RFC 7009). */
  revoke(refreshToken: string, http?: HttpOptions): Promise<void>
}

export function protocolClient(options: ProtocolClientOptions): ProtocolClient {
  const plain = httpOptions(options.issuer, options.fetch)
  const client: oauth.Client = { client_id: options.clientId }
  let serverPromise: Promise<AuthorizationServer> | undefined
  let dpopHttp: Promise<HttpOptions> | undefined

  function server(): Promise<AuthorizationServer> {
    const { endpoints } = options
    serverPromise ??= (
      endpoints
        ? Promise.resolve().then(() => explicitServer(options.issuerId, endpoints))
        : discoverServer(options.issuer, plain)
    ).catch((error: unknown) => {
      serverPromise = undefined
      throw error
    })
    return serverPromise
  }

  function http(): Promise<HttpOptions> {
    if (!options.dpop) return Promise.resolve(plain)
    dpopHttp ??= options.dpop().then(
      (handle) => ({ ...plain, DPoP: handle }),
      (error: unknown) => {
        dpopHttp = undefined
        throw error
      },
    )
    return dpopHttp
  }

  async function call<T>(failure: string, { request, process }: ServerCall<T>): Promise<T> {
    try {
      const [as, options] = await Promise.all([server(), http()])
      const attempt = async () => {
        const answer = await request(as, options)
        throwIfServerError(answer)
        const { response, skew } = await readClockSkew(answer, Date.now())
        if (skew !== undefined) client[oauth.clockSkew] = skew
        return process(as, response)
      }
      // The DPoP handle remembers the nonce from the refusal, so the second proof carries it.
      return await attempt().catch((error: unknown) => {
        if (oauth.isDPoPNonceError(error)) return attempt()
        throw error
      })
    } catch (error) {
      throw toAuthError(error, 'invalid_response', failure)
    }
  }

  const tokenSet = (result: oauth.TokenEndpointResponse, requestedScope: readonly string[]): TokenSet => {
    // A DPoP client asked for bound tokens: a Bearer one would silently lose the binding. A client
    // without a DPoP key sent no proof, so a DPoP-bound answer is bound to a key it does not hold.
    if ((options.dpop !== undefined) !== (result.token_type === 'dpop')) {
      throw authError(
        'invalid_response',
        `The server answered a ${options.dpop ? 'DPoP' : 'Bearer'} client with a ${result.token_type} token`,
        {
          tokenType: result.token_type,
        },
      )
    }
    const tokens = toTokenSet(result, { requestedScope, scopeSeparator: options.scopeSeparator, now: options.now() })
    // OpenID Connect Core §2: `sub` is never empty. oauth4webapi checks only that it is a string,
    // and a session without a subject would be refused when read back from the store.
    if (tokens.user?.sub === '') {
      throw authError('id_token_invalid', 'The ID token names no subject', { claim: 'sub' })
    }
    const details = options.grantedDetails?.(result)
    return details ? { ...tokens, authorizationDetails: details } : tokens
  }

  function grant(grantType: string, params: Record<string, string>) {
    return call('The token response is not valid', {
      request: (as, http) => oauth.genericTokenEndpointRequest(as, client, oauth.None(), grantType, params, http),
      process: (as, response) => oauth.processGenericTokenEndpointResponse(as, client, response),
    }).catch((error: unknown) => {
      // The tokens it presented (refresh, subject, actor), not what it merely named.
      throw withoutSecrets(
        error,
        Object.entries(params).flatMap(([name, value]) => (name.endsWith('token') ? [value] : [])),
      )
    })
  }

  return {
    clientId: options.clientId,
    scopeSeparator: options.scopeSeparator,
    server,
    plainHttp: plain,
    http,
    call,
    async redeemCode(callbackParams, transaction) {
      const result = await call('The token response is not valid', {
        request: (as, http) =>
          oauth.authorizationCodeGrantRequest(
            as,
            client,
            oauth.None(),
            callbackParams,
            transaction.redirectUri,
            transaction.codeVerifier as string,
            http,
          ),
        process: (as, response) =>
          oauth.processAuthorizationCodeResponse(as, client, response, {
            expectedNonce: transaction.nonce ?? oauth.expectNoNonce,
            requireIdToken: transaction.nonce !== undefined,
            // oauth4webapi then requires `auth_time` and checks it is recent enough.
            ...(Number.isInteger(transaction.maxAge) ? { maxAge: transaction.maxAge as number } : {}),
          }),
      }).catch((error: unknown) => {
        throw withoutSecrets(error, [...callbackParams.getAll('code'), transaction.codeVerifier])
      })
      return tokenSet(result, transaction.scope)
    },
    grant,
    async refresh(current) {
      const next = tokenSet(await grant('refresh_token', { refresh_token: current.refreshToken }), current.scope)
      // OpenID Connect Core 12.2: a refreshed ID token is about the same user, or it is refused.
      if (next.user && current.user && next.user.sub !== current.user.sub) {
        throw authError('id_token_invalid', 'The refreshed ID token is about another user', {
          claim: 'sub',
        })
      }
      return {
        ...current,
        ...next,
        refreshToken: next.refreshToken ?? current.refreshToken,
        user: next.user ?? current.user,
        idToken: next.idToken ?? current.idToken,
      }
    },
    async revoke(refreshToken, overrides) {
      try {
        const as = await server()
        const response = await oauth.revocationRequest(as, client, oauth.None(), refreshToken, {
          ...(overrides ?? plain),
          additionalParameters: { token_type_hint: 'refresh_token' },
        })
        await oauth.processRevocationResponse(response)
      } catch (error) {
        throw toAuthError(error, 'invalid_response', 'Revoking the token failed')
      }
    },
  }
}

/**
 * An OAuth error with `sent` (the refresh token, the code...) blotted out of its fields: some
 * servers repeat what they were sent (Spring's "Invalid refresh token: …"), and an error is shown,
 * logged and reported where a token must never be.
 */
function withoutSecrets(error: unknown, sent: readonly (string | undefined)[]): unknown {
  const secrets = sent.filter((value): value is string => typeof value === 'string' && value !== '')
  if (!(error instanceof OAuthResponseError)) return error
  const blot = (text: string | undefined) =>
    secrets.reduce((result, secret) => result?.replaceAll(secret, '[redacted]'), text)
  const fields = [error.error, error.errorDescription, error.errorUri]
  if (!fields.some((field) => secrets.some((secret) => field?.includes(secret)))) return error
  return new OAuthResponseError(
    error.code,
    {
      error: blot(error.error) as string,
      errorDescription: blot(error.errorDescription),
      errorUri: blot(error.errorUri),
      status: error.status,
    },
    { cause: error.cause, retryAfter: error.retryAfter },
  )
}
