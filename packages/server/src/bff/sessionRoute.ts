import { jsonResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'

/** What the session route needs. */
export type SessionRouteDeps = Pick<BffContext, 'sessions'>

/** The session route's answer: who is signed in, never a token. */
export type SessionView =
  | { readonly signedIn: false }
  | {
      readonly signedIn: true
      /** Claims from the validated ID token (`sub`, `name`, `email`...); empty without one. */
      readonly user: Readonly<Record<string, unknown>>
      readonly scope: readonly string[]
      /** When the current access token expires (the BFF renews it on demand), epoch ms. */
      readonly accessTokenExpiresAt: number
      /** When the session ends at the latest, epoch ms. */
      readonly expiresAt: number
      /** The intent the sign-in authorized, on intent-based providers. */
      readonly intent?: { readonly id: string; readonly type: string }
    }

/**
 * `GET {base}/session`: whether the browser is signed in, who as, and until when. Reports without
 * refreshing; a cookie that no longer opens (tampered, old key, revoked) is deleted.
 */
export async function sessionRoute(request: Request, deps: SessionRouteDeps): Promise<Response> {
  const { session, cookieValue } = await deps.sessions.read(request)
  if (!session) {
    const signedOut: SessionView = { signedIn: false }
    return jsonResponse(200, signedOut, cookieValue === undefined ? [] : deps.sessions.forget())
  }
  const view: SessionView = {
    signedIn: true,
    user: session.claims,
    scope: session.scope,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    expiresAt: session.expiresAt,
    ...(session.intent ? { intent: session.intent } : {}),
  }
  return jsonResponse(200, view)
}
