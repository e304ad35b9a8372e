import { ServerAuthError, ServerErrorCode } from '../errors.ts'

/** What the CSRF check compares a request with. */
export interface CsrfPolicy {
  /** Origins the SPA runs on, e.g. `https://app.example.com`. */
  readonly appOrigins: readonly string[]
  /** The header the SPA adds to every call (a cross-site form or image cannot); value `1`. */
  readonly headerName: string
}

/**
 * Why a request may not act on the session, or undefined when it may. It must carry the custom
 * header (a page on another site cannot send one without a CORS preflight the BFF never grants)
 * and come from the app: its `Origin` is one of the app's, or, when the browser sends no Origin
 * (same-origin GET), `Sec-Fetch-Site` says `same-origin`. Requests with neither are refused too.
 */
export function refuseCrossSiteRequest(request: Request, policy: CsrfPolicy): ServerAuthError | undefined {
  if (request.headers.get(policy.headerName) !== '1') {
    return refusal(`The request lacks the ${policy.headerName}: 1 header`, 'missing_header')
  }
  const origin = request.headers.get('origin')
  if (origin !== null) {
    return policy.appOrigins.includes(origin)
      ? undefined
      : refusal("The request's Origin is not one of the app's", 'foreign_origin')
  }
  const fetchSite = request.headers.get('sec-fetch-site')
  if (fetchSite === 'same-origin') return undefined
  return refusal(
    fetchSite === null ? 'The request carries neither Origin nor Sec-Fetch-Site' : 'The request is cross-site',
    fetchSite === null ? 'no_origin' : 'cross_site',
  )
}

function refusal(message: string, reason: string): ServerAuthError {
  return new ServerAuthError(ServerErrorCode.CsrfRejected, message, { cause: { reason } })
}
