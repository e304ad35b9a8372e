import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import { readForm } from '../http/readForm.ts'
import type { TokenRequestRecord } from './tokenRequestLog.ts'

/**
 * Test-only endpoints below `/test/`, on loopback like the rest of the sandbox:
 * - `GET /test/token-requests?access_token=…` — token requests of that token's sign-in (grant);
 * - `POST /test/access-token` (form `token`) — whether a token is active and the DPoP key it is bound to.
 */
export async function handleTestEndpoints(
  provider: Provider,
  tokenRequests: () => readonly TokenRequestRecord[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://sandbox')
  if (url.pathname === '/test/token-requests' && req.method === 'GET') {
    const accessToken = url.searchParams.get('access_token')
    const token = accessToken ? await provider.AccessToken.find(accessToken) : undefined
    const records = tokenRequests().filter((record) => !token || record.grantId === token.grantId)
    sendJson(res, 200, {
      byGrantType: countBy(records.map((record) => record.grantType)),
      refreshes: records.filter((record) => record.grantType === 'refresh_token'),
      reusedRefreshTokens: records.filter((record) => record.reusedRefreshToken).length,
    })
    return true
  }
  if (url.pathname === '/test/access-token' && req.method === 'POST') {
    const token = await provider.AccessToken.find((await readForm(req)).get('token') ?? '')
    sendJson(res, 200, token ? { active: true, tokenType: token.tokenType, jkt: token.jkt ?? null } : { active: false })
    return true
  }
  return false
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
