import * as oauth from 'oauth4webapi'
import { AuthErrorCode, type StepUpRequirement } from '../errors.ts'
import type { HttpOptions } from '../oauth/httpOptions.ts'
import { isLoopbackHttp } from '../oauth/secureUrl.ts'
import { toAuthError } from '../oauth/toAuthError.ts'
import { parseScaChallenge } from './parseScaChallenge.ts'
import type { ScaDetails } from './scaDetails.ts'

export interface AuthorizedFetchDeps {
  /** A valid access token (refreshed if stale). */
  accessToken(): Promise<string>
  /** The server refused `rejected` as invalid: get another, or throw when none can be had. */
  replaceRejectedToken(rejected: string): Promise<void>
  /** HTTP options, with the DPoP handle when the session is DPoP-bound. */
  http(): Promise<HttpOptions>
  /** Shows the SCA challenge and resolves with the `SCA-Authorization` header once verified. */
  completeSca(details: ScaDetails, signal: AbortSignal | undefined): Promise<string>
  /** Records a pending step-up and returns the error the call rejects with. */
  requireStepUp(requirement: StepUpRequirement): Error
  /** Resolves relative request URLs. */
  baseUrl(): string | undefined
}

/** Enough for a nonce retry, a token refresh and a few SCA rounds; never an endless loop. */
const maxRounds = 6

/**
 * `fetch` with the session's token (Bearer, or DPoP with `ath`), answering the server's
 * challenges: one refresh on `invalid_token`, one retry on `use_dpop_nonce`, SCA verification then
 * a retry with `SCA-Authorization`, and RFC 9470 step-up, which rejects with what is needed. The
 * body is buffered so every retry sends the same bytes.
 */
export async function authorizedFetch(
  deps: AuthorizedFetchDeps,
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const base = deps.baseUrl()
  const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), base), init)
  const body = request.body === null ? null : await request.arrayBuffer()
  const url = new URL(request.url)
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
  let scaHeader: string | undefined
  let refreshed = false
  let nonceRetried = false

  for (let round = 0; round < maxRounds; round++) {
    const accessToken = await deps.accessToken()
    const headers = new Headers(request.headers)
    if (scaHeader) headers.set('sca-authorization', scaHeader)
    let response: Response
    let challenges: oauth.WWWAuthenticateChallenge[] | undefined
    try {
      // API calls may take as long as the caller allows: no token-request timeout here.
      const { signal: _tokenRequestTimeout, ...http } = await deps.http()
      const options = {
        ...http,
        [oauth.allowInsecureRequests]: isLoopbackHttp(url),
        ...(signal ? { signal } : {}),
      } as oauth.ProtectedResourceRequestOptions
      response = await oauth.protectedResourceRequest(accessToken, request.method, url, headers, body, options)
    } catch (error) {
      if (!(error instanceof oauth.WWWAuthenticateChallengeError)) {
        throw toAuthError(error, AuthErrorCode.NetworkError, `The request to ${url.origin}${url.pathname} failed`)
      }
      if (!nonceRetried && oauth.isDPoPNonceError(error)) {
        nonceRetried = true
        continue
      }
      response = error.response
      challenges = error.cause
    }

    const header = response.headers.get('www-authenticate')
    const sca = response.status === 401 && header ? parseScaChallenge(header) : undefined
    if (sca) {
      scaHeader = await deps.completeSca(sca, signal)
      continue
    }
    const bearer = challenges?.find((challenge) => challenge.scheme === 'bearer' || challenge.scheme === 'dpop')
    const error = bearer?.parameters.error
    if (error === 'invalid_token' && response.status === 401 && !refreshed) {
      refreshed = true
      await deps.replaceRejectedToken(accessToken)
      continue
    }
    if (bearer && (error === 'insufficient_user_authentication' || error === 'insufficient_scope')) {
      throw deps.requireStepUp(stepUpRequirement(error, bearer.parameters))
    }
    return response
  }
  throw toAuthError(new Error('too many challenges'), AuthErrorCode.InvalidResponse, `${url.href} kept challenging`)
}

/** The RFC 9470 / RFC 6750 parameters of a step-up challenge. */
function stepUpRequirement(
  reason: 'insufficient_user_authentication' | 'insufficient_scope',
  parameters: oauth.WWWAuthenticateChallengeParameters,
): StepUpRequirement {
  const maxAge = parameters.max_age === undefined ? Number.NaN : Number(parameters.max_age)
  const words = (value: string | undefined) => value?.split(' ').filter(Boolean)
  return {
    reason,
    acrValues: words(parameters.acr_values),
    maxAge: Number.isInteger(maxAge) && maxAge >= 0 ? maxAge : undefined,
    scope: words(parameters.scope),
    description: parameters.error_description,
  }
}
