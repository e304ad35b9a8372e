import { confineReturnTo } from '../http/confineReturnTo.ts'
import { jsonResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'
import { toServerAuthError } from './toServerAuthError.ts'

/** What the logout route needs. */
export type LogoutRouteDeps = Pick<BffContext, 'protocol' | 'sessions' | 'appOrigins' | 'defaultReturnTo' | 'logger'>

/** The answer of `POST {baseUrl}/logout`. */
export interface LogoutView {
  /** Always `true`: the BFF session is over (there was none, or it has just been ended) whatever the provider said. */
  readonly signedOut: true
  /**
   * Whether the provider revoked the session's refresh token (or, without one, its access token).
   * False when there was no session, the provider has no revocation endpoint, or revocation failed (logged).
   *
   * @see https://www.rfc-editor.org/rfc/rfc7009
   */
  readonly revoked: boolean
  /**
   * Where to send the browser next: the provider's RP-initiated logout URL, which returns to
   * `returnTo`; else `returnTo` itself (absolute, default the first app origin), as when there was no session.
   *
   * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
   */
  readonly logoutUrl: string
}

/**
 * `POST {base}/logout` (`?returnTo=/path`): revokes the refresh token at the provider (RFC 7009),
 * ends the session in the store (with Redis: on every instance) and deletes its cookies, and
 * answers the provider's RP-initiated logout URL for the SPA to navigate to. A failed revocation
 * is logged and reported (`revoked: false`) but does not keep the user signed in.
 */
export async function logoutRoute(request: Request, deps: LogoutRouteDeps): Promise<Response> {
  const returnTo = confineReturnTo(
    new URL(request.url).searchParams.get('returnTo'),
    deps.appOrigins,
    deps.defaultReturnTo,
  )
  const { session, cookieValue } = await deps.sessions.read(request)
  if (!session) {
    const view: LogoutView = { signedOut: true, revoked: false, logoutUrl: returnTo }
    return jsonResponse(200, view, cookieValue === undefined ? [] : deps.sessions.forget())
  }
  let revoked = false
  try {
    revoked = session.refreshToken
      ? await deps.protocol.revoke(session.refreshToken, 'refresh_token')
      : await deps.protocol.revoke(session.accessToken, 'access_token')
  } catch (error) {
    deps.logger.warn('payauth bff: revocation failed at logout', toServerAuthError(error, 'revocation'))
  }
  const setCookies = await deps.sessions.end(session)
  const endSession = await deps.protocol.endSessionUrl(returnTo).catch(() => undefined)
  const view: LogoutView = { signedOut: true, revoked, logoutUrl: endSession?.href ?? returnTo }
  return jsonResponse(200, view, setCookies)
}
