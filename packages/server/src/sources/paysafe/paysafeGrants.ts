import * as client from 'openid-client'
import { ServerAuthError, ServerErrorCode } from '../../errors.ts'
import { sendTokenRequest } from '../sendTokenRequest.ts'
import { tokenResponseFields } from '../tokenResponseFields.ts'
import type { TokenSourceDeps } from '../tokenSourceOptions.ts'
import { TransientTokenFailure } from '../transientTokenFailure.ts'
import { PaysafeToken } from './paysafeToken.ts'

const label = 'Paysafe'

/** Where and as whom a Paysafe source asks for tokens. */
export interface PaysafeEndpoint {
  /** `{baseUrl}/auth/brands/{brandIdentity}/token` */
  readonly tokenEndpoint: URL
  /** The `iss` of the brand's ID tokens. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
}

/** A token response turned into payauth's shape, and the refresh token the source keeps to itself. */
export interface PaysafeGrantResult {
  readonly token: PaysafeToken
  readonly refreshToken: string | undefined
}

/** One request of a grant: `parameters` are the grant's form fields, `secrets` the ones among them. */
export type PaysafeGrant = (
  grantType: string,
  parameters: Record<string, string>,
  secrets: readonly string[],
) => Promise<PaysafeGrantResult>

/**
 * Paysafe's token endpoint through openid-client: a form body, and the client authenticated by
 * its `ClientSecretBasic`, which form-URL-encodes the id and the secret before base64 as RFC 6749
 * §2.3.1 and Paysafe's page require. openid-client also checks the response and any ID token
 * (issuer, audience, expiry, RS256 signature algorithm). HTTP goes through `sendTokenRequest`, so
 * the timeout, the retry decisions and the provider's errors are the same as every source's.
 */
export function paysafeGrant(endpoint: PaysafeEndpoint, deps: TokenSourceDeps): PaysafeGrant {
  return async (grantType, parameters, secrets) => {
    const config = new client.Configuration(
      { issuer: endpoint.issuer, token_endpoint: endpoint.tokenEndpoint.href },
      endpoint.clientId,
      {},
      client.ClientSecretBasic(endpoint.clientSecret),
    )
    if (endpoint.tokenEndpoint.protocol === 'http:') client.allowInsecureRequests(config)
    // Our own timeout (in sendTokenRequest) fires first; openid-client's is the backstop.
    config.timeout = Math.ceil(deps.timeoutMs / 1000) + 1
    const transport = { ...deps, secrets: [...deps.secrets, ...secrets] }
    config[client.customFetch] = (url, init) => sendTokenRequest(label, url, init as RequestInit, transport)
    const issuedAt = deps.now()
    let response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers
    try {
      response =
        grantType === 'client_credentials'
          ? await client.clientCredentialsGrant(config, parameters)
          : grantType === 'refresh_token'
            ? await client.refreshTokenGrant(config, parameters.refresh_token ?? '', withoutRefreshToken(parameters))
            : await client.genericGrantRequest(config, grantType, parameters)
    } catch (error) {
      throw fromOpenidClient(error)
    }
    const body = response as unknown as Record<string, unknown>
    const refreshExpiresIn = body.refresh_expires_in
    const token = new PaysafeToken(tokenResponseFields(label, body, issuedAt, parameters.scope), {
      idToken: response.id_token,
      idTokenClaims: response.claims(),
      // Keycloak-style servers write 0 for "does not expire on its own".
      refreshExpiresAt:
        typeof refreshExpiresIn === 'number' && refreshExpiresIn > 0 ? issuedAt + refreshExpiresIn * 1000 : undefined,
    })
    return { token, refreshToken: response.refresh_token }
  }
}

function withoutRefreshToken(parameters: Record<string, string>): Record<string, string> {
  const { refresh_token: _refreshToken, ...rest } = parameters
  return rest
}

/**
 * openid-client wraps what our fetch threw; unwrap it. Anything else is openid-client refusing a
 * 2xx response: say why, but leave its cause (which may hold the response body, tokens and all) out.
 */
function fromOpenidClient(error: unknown): Error {
  const inner = error instanceof client.ClientError ? error.cause : error
  if (inner instanceof TransientTokenFailure || inner instanceof ServerAuthError) return inner
  const reason = error instanceof Error ? error.message : 'unreadable response'
  const code = error instanceof client.ClientError ? error.code : undefined
  return new ServerAuthError(ServerErrorCode.InvalidResponse, `${label}: the token response was refused: ${reason}`, {
    cause: { reason, code },
  })
}
