import { jsonResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'

/** What the session route needs. */
export type SessionRouteDeps = Pick<BffContext, 'sessions'>

/** The answer of `GET {baseUrl}/session`: who is signed in, never a token. */
export type SessionView =
  | {
      /**
       * `false`: no session, or a cookie that no longer opens one (tampered, sealed with a dropped
       * key, expired, ended on the server); such a cookie is deleted.
       */
      readonly signedIn: false
    }
  | {
      /** `true`: the cookie opened a session that has not reached its `expiresAt`. */
      readonly signedIn: true
      /** Claims from the validated ID token (`sub`, `name`, `email`...); empty without one. */
      readonly user: Readonly<Record<string, unknown>>
      /** The granted scopes, one per entry; empty when the provider never sent `scope`. */
      readonly scope: readonly string[]
      /** When the current access token expires (the BFF renews it on demand, not this route), epoch ms. */
      readonly accessTokenExpiresAt: number
      /** When the session ends at the latest, epoch ms. */
      readonly expiresAt: number
      /** The intent the sign-in authorized, on intent-based providers; absent otherwise. */
      readonly intent?: {
        /** The intent's id at the provider. */
        readonly id: string
        /** The intent's type as the provider created it (`payments`...). */
        readonly type: string
      }
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
