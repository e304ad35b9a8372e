import { type Bff, ServerAuthError } from '@payauth/server'
import { bffSessionOf } from './bffSessionOf.ts'
import type { ProviderCall } from './providerCalls.ts'

/** Where the provider routes live. */
export const providerRoutesBasePath = '/providers'

/** What `GET /providers/...` answers the signed-in user: the provider's answer and the token's kind, not the token. */
export interface ProviderRouteView {
  readonly provider: string
  readonly signedInAs: string
  readonly status: number
  readonly body: unknown
  readonly token: { readonly grant: string; readonly scope: string | undefined; readonly expiresAt: number }
}

/**
 * `GET /providers/{provider}/{resource}`: the backend calls a confidential provider's API with its
 * own token and hands the signed-in user the result. The PACE BFF decides who is signed in, with
 * its CSRF check, so these routes accept exactly the requests the BFF's own routes accept.
 */
export function providerRoutes(pace: Bff, calls: readonly ProviderCall[]): (request: Request) => Promise<Response> {
  return async (request) => {
    const path = new URL(request.url).pathname.slice(providerRoutesBasePath.length)
    const call = calls.find((candidate) => candidate.path === path)
    if (!call) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore })
    if (request.method !== 'GET') {
      return Response.json({ error: 'method_not_allowed' }, { status: 405, headers: { ...noStore, allow: 'GET' } })
    }
    const session = await bffSessionOf(pace, request, call.needsUserToken)
    if (!session.ok) return session.refusal
    const headers = new Headers(noStore)
    for (const cookie of session.setCookies) headers.append('set-cookie', cookie)
    try {
      const answer = await call.call({ subject: session.subject, accessToken: session.accessToken })
      const view: ProviderRouteView = { provider: call.provider, signedInAs: session.subject, ...answer }
      return Response.json(view, { headers })
    } catch (error) {
      // Token sources' errors carry a stable code and never a secret; anything else is just "failed".
      const code = error instanceof ServerAuthError ? error.code : 'server_error'
      console.warn(`demo backend: ${call.provider} call failed (${code})`)
      return Response.json({ error: code, message: `${call.provider} could not be reached` }, { status: 502, headers })
    }
  }
}

const noStore = { 'cache-control': 'no-store' }
