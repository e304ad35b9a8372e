import * as oauth from 'oauth4webapi'
import type { StepUpRequirement } from '../challenge.ts'
import { authError } from '../errors.ts'
import type { HttpOptions } from '../oauth/httpOptions.ts'
import { isLoopbackHttp } from '../oauth/secureUrl.ts'
import { toAuthError } from '../toAuthError.ts'
import type { RefusedResponse, ScaHandler, StepUpHandler } from './challengeHandlers.ts'

export interface AuthorizedFetchDeps {
  /** A valid access token (refreshed if stale). */
  accessToken(): Promise<string>
  /** The server refused `rejected` as invalid: get another, or throw when none can be had. */
  replaceRejectedToken(rejected: string): Promise<void>
  /** HTTP options, with the DPoP handle when the session is DPoP-bound. */
  http(): Promise<HttpOptions>
  /** PSD2 SCA, when the app opted in. */
  readonly sca: ScaHandler | undefined
  /** RFC 9470 step-up, when the app opted in. */
  readonly stepUp: StepUpHandler | undefined
  /** Resolves relative request URLs. */
  baseUrl(): string | undefined
  /** Origins the token may be sent to: the app's own and those it configured. */
  readonly allowedOrigins: ReadonlySet<string>
}

/** Enough for a nonce retry, a token refresh and a few SCA rounds; never an endless loop. */
const maxRounds = 6

/** `SCA` as an auth-scheme of a `WWW-Authenticate` header, however malformed the rest. */
const scaScheme = /(?:^|[\s,])sca(?:[\s,]|$)/i
/** Quoted values, where `SCA` is a word of a description rather than a scheme. */
const quotedValues = /"(?:[^"\\]|\\.)*"/g

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
  const request =
    input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), deps.baseUrl()), init)
  const body = request.body === null ? null : await request.arrayBuffer()
  const url = new URL(request.url)
  // The token goes to the APIs the app named, never to wherever a URL points.
  if (!deps.allowedOrigins.has(url.origin)) {
    throw authError('untrusted_origin', `${url.origin} is not one of the app's resourceOrigins`, {
      origin: url.origin,
    })
  }
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
  let scaHeader: string | undefined
  let refreshed = false
  let nonceRetried = false

  for (let round = 0; round < maxRounds; round++) {
    const accessToken = await deps.accessToken()
    const headers = new Headers(request.headers)
    if (scaHeader) headers.set('sca-authorization', scaHeader)
    let refused: RefusedResponse
    try {
      // API calls may take as long as the caller allows: no token-request timeout here.
      const { signal: _tokenRequestTimeout, ...http } = await deps.http()
      const options = {
        ...http,
        [oauth.allowInsecureRequests]: isLoopbackHttp(url),
        ...(signal ? { signal } : {}),
      } as oauth.ProtectedResourceRequestOptions
      const response = await oauth.protectedResourceRequest(accessToken, request.method, url, headers, body, options)
      // oauth4webapi returns a response whose challenges it could not parse: look at it all the same.
      refused = { response, challenges: undefined }
    } catch (error) {
      if (!(error instanceof oauth.WWWAuthenticateChallengeError)) {
        throw toAuthError(error, 'network_error', `The request to ${url.origin}${url.pathname} failed`)
      }
      if (!nonceRetried && oauth.isDPoPNonceError(error)) {
        nonceRetried = true
        continue
      }
      refused = { response: error.response, challenges: error.cause }
    }

    const { response, challenges } = refused
    const header = response.status === 401 ? response.headers.get('www-authenticate') : null
    if (header && scaScheme.test(header.replace(quotedValues, '""'))) {
      if (!deps.sca) {
        throw authError('sca_unavailable', 'This API asks for SCA; pass sca: paysafeSca({ verifier })', {
          url: url.origin + url.pathname,
        })
      }
      const details = deps.sca.detect(refused)
      if (details) {
        scaHeader = await deps.sca.complete(details, signal)
        continue
      }
    }
    const bearer = challenges?.find((challenge) => challenge.scheme === 'bearer' || challenge.scheme === 'dpop')
    if (bearer?.parameters.error === 'invalid_token' && response.status === 401 && !refreshed) {
      refreshed = true
      await deps.replaceRejectedToken(accessToken)
      continue
    }
    const { stepUp } = deps
    const requirement = stepUp?.detect(refused)
    if (stepUp && requirement) throw stepUp.require(withoutToken(requirement, accessToken))
    return response
  }
  throw authError('invalid_response', `${url.origin}${url.pathname} kept challenging`, { rounds: maxRounds })
}

/** The requirement without `token`: a resource may repeat the token it refused in its description. */
function withoutToken(requirement: StepUpRequirement, token: string): StepUpRequirement {
  const { description } = requirement
  return description?.includes(token)
    ? { ...requirement, description: description.replaceAll(token, '[redacted]') }
    : requirement
}
