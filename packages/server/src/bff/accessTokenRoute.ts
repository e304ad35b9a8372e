import { errorResponse, jsonResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'

/** What the access-token route needs. */
export type AccessTokenRouteDeps = Pick<BffContext, 'sessions'>

/** The access-token route's answer, in the shape of @payauth/core's token set. */
export interface AccessTokenView {
  readonly accessToken: string
  readonly tokenType: 'Bearer'
  /** Epoch milliseconds. */
  readonly expiresAt: number
  readonly scope: readonly string[]
}

/**
 * `GET {base}/access-token` (token-mediating mode): a usable access token for the SPA, refreshed
 * first when stale, once per session however many requests ask at the same time. The refresh
 * token never leaves the BFF.
 */
export async function accessTokenRoute(request: Request, deps: AccessTokenRouteDeps): Promise<Response> {
  const fresh = await deps.sessions.fresh(request)
  if (!fresh.ok) return errorResponse(fresh.error, fresh.setCookies)
  const view: AccessTokenView = {
    accessToken: fresh.session.accessToken,
    tokenType: 'Bearer',
    expiresAt: fresh.session.accessTokenExpiresAt,
    scope: fresh.session.scope,
  }
  return jsonResponse(200, view, fresh.setCookies)
}
