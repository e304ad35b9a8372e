import * as client from 'openid-client'
import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import type { BffProvider } from './bffProvider.ts'
import { toClientAuth } from './clientAuthentication.ts'
import { isLoopbackHttp, secureUrl } from './secureUrl.ts'
import { toServerAuthError } from './toServerAuthError.ts'

/** What a token endpoint granted, in payauth's own shape (openid-client's types stay inside). */
export interface GrantedTokens {
  readonly accessToken: string
  /** Seconds, as the provider said; undefined when it did not. */
  readonly expiresIn: number | undefined
  readonly refreshToken: string | undefined
  readonly scope: string | undefined
  /** Claims of the validated ID token, when there is one. */
  readonly idTokenClaims: Readonly<Record<string, unknown>> | undefined
}

/** A started authorization request: where to send the browser, and what to check on return. */
export interface StartedAuthorization {
  readonly url: URL
  readonly state: string
  readonly nonce: string | undefined
  readonly codeVerifier: string
}

/** What the code exchange checks: the started request's secrets, and what the sign-in asked for. */
export interface AuthorizationChecks extends Pick<StartedAuthorization, 'state' | 'nonce' | 'codeVerifier'> {
  readonly acrValues?: readonly string[] | undefined
  readonly maxAge?: number | undefined
}

/** What the protocol client needs from its environment. */
export interface ProtocolClientDeps {
  /** Used for every request to the provider; the global fetch by default. */
  readonly fetch: typeof fetch
}

/** Seconds a provider request may take; below the Redis refresh lock's 15 s on purpose. */
const requestTimeoutSeconds = 10

/**
 * The BFF's OAuth client for one provider, over openid-client: discovery (once, retried after a
 * failure), code + PKCE with state and nonce, the code exchange with the RFC 9207 `iss` check,
 * refresh, RFC 7009 revocation, RP-initiated logout, client credentials. Errors come out as
 * `ServerAuthError`s that carry no secret or token.
 */
export function protocolClient(provider: BffProvider, deps: ProtocolClientDeps) {
  const issuer = secureUrl(provider.issuer, 'provider.issuer')
  const endpoints = provider.endpoints
  for (const [name, url] of Object.entries(endpoints ?? {})) secureUrl(url, `provider.endpoints.${name}`)
  let configuration: Promise<client.Configuration> | undefined

  async function configure(): Promise<client.Configuration> {
    const clientAuth = toClientAuth(provider.clientAuthentication)
    const insecure = isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : []
    const config = endpoints
      ? new client.Configuration(
          {
            issuer: provider.issuer,
            authorization_endpoint: endpoints.authorization,
            token_endpoint: endpoints.token,
            ...(endpoints.revocation ? { revocation_endpoint: endpoints.revocation } : {}),
            ...(endpoints.endSession ? { end_session_endpoint: endpoints.endSession } : {}),
          },
          provider.clientId,
          {},
          clientAuth,
        )
      : await client.discovery(issuer, provider.clientId, {}, clientAuth, {
          execute: insecure,
          [client.customFetch]: deps.fetch,
          timeout: requestTimeoutSeconds,
        })
    for (const allow of insecure) allow(config)
    config[client.customFetch] = deps.fetch
    config.timeout = requestTimeoutSeconds
    return config
  }

  /** The configuration, discovered once; a failed discovery is tried again on the next call. */
  function configured(step: string): Promise<client.Configuration> {
    configuration ??= configure().catch((error: unknown) => {
      configuration = undefined
      throw toServerAuthError(error, `${step} (discovery)`)
    })
    return configuration
  }

  async function call<T>(step: string, work: (config: client.Configuration) => Promise<T>): Promise<T> {
    const config = await configured(step)
    try {
      return await work(config)
    } catch (error) {
      throw toServerAuthError(error, step)
    }
  }

  /** Whether the provider revoked the token (RFC 7009); false when it has no revocation endpoint. */
  function revoke(token: string, tokenTypeHint: 'refresh_token' | 'access_token') {
    return call('revocation', async (config) => {
      if (!config.serverMetadata().revocation_endpoint) return false
      await client.tokenRevocation(config, token, { token_type_hint: tokenTypeHint })
      return true
    })
  }

  return {
    /** Builds the authorization URL with fresh state, nonce (OpenID only) and PKCE S256 verifier. */
    startAuthorization(redirectUri: string, parameters: Readonly<Record<string, string>>) {
      return call('sign-in', async (config): Promise<StartedAuthorization> => {
        const state = client.randomState()
        const nonce = provider.openid ? client.randomNonce() : undefined
        const codeVerifier = client.randomPKCECodeVerifier()
        const url = client.buildAuthorizationUrl(config, {
          ...provider.authorizationParameters,
          ...parameters,
          redirect_uri: redirectUri,
          response_type: 'code',
          scope: parameters.scope ?? provider.scope.join(provider.scopeSeparator),
          state,
          ...(nonce ? { nonce } : {}),
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
        })
        return { url, state, nonce, codeVerifier }
      })
    },

    /**
     * Validates the authorization response (state, `iss` per RFC 9207, error) and redeems its
     * code with the PKCE verifier and the client's credentials; validates the ID token.
     *
     * @param callbackUrl the registered redirect URI with the response's query
     */
    exchangeCode(callbackUrl: URL, checks: AuthorizationChecks) {
      return call('code exchange', async (config) => {
        const tokens = granted(
          await client.authorizationCodeGrant(config, callbackUrl, {
            expectedState: checks.state,
            pkceCodeVerifier: checks.codeVerifier,
            ...(checks.nonce ? { expectedNonce: checks.nonce } : {}),
            idTokenExpected: provider.openid,
            // openid-client then requires `auth_time` and checks it is recent enough.
            ...(checks.maxAge !== undefined ? { maxAge: checks.maxAge } : {}),
          }),
        )
        // A provider that ignores a step-up request must not pass for one that honoured it.
        const acr = tokens.idTokenClaims?.acr
        if (checks.acrValues?.length && !(typeof acr === 'string' && checks.acrValues.includes(acr))) {
          // Tokens nobody will use are dead: best effort, the refusal stands either way.
          const [token, hint] = tokens.refreshToken
            ? ([tokens.refreshToken, 'refresh_token'] as const)
            : ([tokens.accessToken, 'access_token'] as const)
          await revoke(token, hint).catch(() => {})
          throw new ServerAuthError(
            ServerErrorCode.StepUpNotMet,
            `The sign-in's acr is ${String(acr)}, not one of those asked for`,
            { cause: { acr, acrValues: checks.acrValues } },
          )
        }
        return tokens
      })
    },

    refresh(refreshToken: string) {
      return call('refresh', async (config) => granted(await client.refreshTokenGrant(config, refreshToken)))
    },

    revoke,

    /**
     * The provider's RP-initiated logout URL, or undefined when it has none. It names the client
     * instead of carrying `id_token_hint`: the URL goes to the browser, and no token does.
     */
    endSessionUrl(postLogoutRedirectUri: string) {
      return call('logout', async (config) => {
        if (!config.serverMetadata().end_session_endpoint) return undefined
        return client.buildEndSessionUrl(config, {
          post_logout_redirect_uri: postLogoutRedirectUri,
          client_id: provider.clientId,
        })
      })
    },

    /** A client-credentials access token of the BFF itself, e.g. to create intents. */
    clientCredentials(scope: string | undefined) {
      return call('client credentials grant', async (config) =>
        granted(await client.clientCredentialsGrant(config, scope ? { scope } : {})),
      )
    },

    /** A request to a protected resource of the provider with the BFF's own token. */
    fetchProtected(url: string, accessToken: string, method: string, body: string, headers: Headers) {
      return call('request', (config) =>
        client.fetchProtectedResource(config, accessToken, secureUrl(url, 'resource URL'), method, body, headers),
      )
    },
  }
}

/** The protocol client of one provider. */
export type ProtocolClient = ReturnType<typeof protocolClient>

function granted(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): GrantedTokens {
  return {
    accessToken: tokens.access_token,
    expiresIn: tokens.expires_in,
    refreshToken: tokens.refresh_token,
    scope: tokens.scope,
    idTokenClaims: tokens.claims(),
  }
}
