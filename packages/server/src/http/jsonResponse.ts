import { type ServerAuthError, ServerErrorCode, ServerOAuthError } from '../errors.ts'

/** Headers every BFF answer carries: nothing it says may be cached by the browser or a proxy. */
const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' }

/** A JSON answer, with the cookies to set. */
export function jsonResponse(status: number, body: unknown, setCookies: readonly string[] = []): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', ...noStore })
  for (const cookie of setCookies) headers.append('set-cookie', cookie)
  return new Response(JSON.stringify(body), { status, headers })
}

/** A redirect for a browser navigation, with the cookies to set. */
export function redirectResponse(location: string, setCookies: readonly string[] = []): Response {
  const headers = new Headers({ location, ...noStore, 'referrer-policy': 'no-referrer' })
  for (const cookie of setCookies) headers.append('set-cookie', cookie)
  return new Response(null, { status: 303, headers })
}

const statusByCode: Readonly<Record<ServerErrorCode, number>> = {
  [ServerErrorCode.InvalidConfig]: 500,
  [ServerErrorCode.NetworkError]: 502,
  [ServerErrorCode.ServerError]: 502,
  [ServerErrorCode.TokenError]: 502,
  [ServerErrorCode.InvalidResponse]: 502,
  [ServerErrorCode.CsrfRejected]: 403,
  [ServerErrorCode.NotSignedIn]: 401,
  [ServerErrorCode.SessionExpired]: 401,
  [ServerErrorCode.SessionTooLarge]: 500,
  [ServerErrorCode.LoginStateMismatch]: 400,
  [ServerErrorCode.AuthorizationFailed]: 400,
  [ServerErrorCode.StepUpNotMet]: 400,
  [ServerErrorCode.InvalidRequest]: 400,
  [ServerErrorCode.NotFound]: 404,
  [ServerErrorCode.MethodNotAllowed]: 405,
  [ServerErrorCode.UpstreamNotAllowed]: 404,
}

/**
 * The JSON answer for a failure: `{ error: <stable code>, message, oauthError? }`. Only the code,
 * our own message and the provider's OAuth error code go out; never the error's `cause`.
 */
export function errorResponse(error: ServerAuthError, setCookies: readonly string[] = []): Response {
  return jsonResponse(
    statusByCode[error.code],
    {
      error: error.code,
      message: error.message,
      ...(error instanceof ServerOAuthError ? { oauthError: error.error } : {}),
    },
    setCookies,
  )
}
