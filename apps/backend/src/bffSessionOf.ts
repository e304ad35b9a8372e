import type { AccessTokenView, Bff, SessionView } from '@payauth/server'

/** Who the browser is signed in as, the PACE access token when asked for, and cookies to pass on. */
export type BffSessionResult =
  | {
      readonly ok: true
      readonly subject: string
      readonly accessToken: string | undefined
      readonly setCookies: readonly string[]
    }
  /** The BFF's own refusal (not signed in, CSRF), to hand to the browser as it is. */
  | { readonly ok: false; readonly refusal: Response }

/** Request headers the BFF's session and CSRF checks read; nothing else of the browser's request goes in. */
const forwardedHeaders = ['cookie', 'origin', 'sec-fetch-site', 'x-payauth-csrf']

/**
 * Asks the BFF, in-process, about the session of the browser that sent `request`: through its own
 * routes, so the same CSRF check, session lookup and single-flight refresh apply as for the SPA.
 * With `withAccessToken`, the session's access token (refreshed when stale); a refresh rewrites the
 * session cookie, so the caller must pass `setCookies` on to the browser, or the browser would
 * keep a cookie whose refresh token is spent.
 */
export async function bffSessionOf(bff: Bff, request: Request, withAccessToken = false): Promise<BffSessionResult> {
  const headers = new Headers()
  for (const name of forwardedHeaders) {
    const value = request.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  const ask = (route: string) => bff.handle(new Request(`${bff.origin}${bff.basePath}/${route}`, { headers }))

  const sessionResponse = await ask('session')
  if (!sessionResponse.ok) return { ok: false, refusal: sessionResponse }
  const session = (await sessionResponse.json()) as SessionView
  if (!session.signedIn) {
    const refusal = Response.json(
      { error: 'not_signed_in', message: 'Sign in through the backend first' },
      {
        status: 401,
        headers: sessionResponse.headers,
      },
    )
    return { ok: false, refusal }
  }
  const subject = String(session.user.sub ?? '')
  if (!withAccessToken) return { ok: true, subject, accessToken: undefined, setCookies: [] }

  const tokenResponse = await ask('access-token')
  if (!tokenResponse.ok) return { ok: false, refusal: tokenResponse }
  const view = (await tokenResponse.json()) as AccessTokenView
  return { ok: true, subject, accessToken: view.accessToken, setCookies: tokenResponse.headers.getSetCookie() }
}
