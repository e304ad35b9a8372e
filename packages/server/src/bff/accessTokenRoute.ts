import { errorResponse, jsonResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'

/** What the access-token route needs. */
export type AccessTokenRouteDeps = Pick<BffContext, 'sessions'>

/**
 * The answer of `GET {baseUrl}/access-token` (token-mediating mode only), in the shape of
 * @payauth/core's token set. It never carries the refresh token or the ID token.
 *
 * @see https://www.rfc-editor.org/rfc/rfc10017 token-mediating backend
 */
export interface AccessTokenView {
  /** The session's current access token, refreshed first if it was stale; send it to the provider's APIs. */
  readonly accessToken: string
  /** Always `Bearer`, whatever case the provider wrote: send it as `Authorization: Bearer` (RFC 6750). */
  readonly tokenType: 'Bearer'
  /**
   * When the access token expires, epoch milliseconds: from the provider's `expires_in`, or 60 s
   * after issue when the provider sent none.
   */
  readonly expiresAt: number
  /**
   * The granted scopes, one per entry (the provider's `scope` split on spaces or commas). Empty when
   * the provider never sent `scope`; a refresh that omits it keeps the previous ones.
   */
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
