import type { IncomingMessage, ServerResponse } from 'node:http'
import { createJwtIssuer, hasScope } from '../confidential/jwtIssuer.ts'
import { tokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { bearerToken } from '../http/bearerToken.ts'
import { sendJson } from '../http/sendJson.ts'
import { getpaidAudiences } from './getpaidClients.ts'
import { getpaidTokenEndpoint } from './getpaidTokenEndpoint.ts'

export const getpaidPathPrefix = '/getpaid'

/**
 * The getpaid stand-in (auth.getpaid.io and api.sandbox.getpaid.io in one): `POST /getpaid/oauth/token`,
 * the signing keys at `/getpaid/.well-known/jwks.json`, and `GET /getpaid/accounts`, which needs a
 * token for the sandbox audience with `accounts:read_write`.
 */
export function createGetpaidServer(options: { readonly origin: string; readonly accessTokenTtl: number }) {
  const baseUrl = `${options.origin}${getpaidPathPrefix}`
  const jwt = createJwtIssuer(`${baseUrl}/`)
  const monitor = tokenRequestMonitor()
  const tokenEndpoint = getpaidTokenEndpoint({ jwt, monitor, accessTokenTtl: options.accessTokenTtl })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox')
    if (pathname === `${getpaidPathPrefix}/oauth/token` && req.method === 'POST') {
      await tokenEndpoint.handle(req, res)
      return true
    }
    if (pathname === `${getpaidPathPrefix}/.well-known/jwks.json` && req.method === 'GET') {
      sendJson(res, 200, await jwt.publicJwks())
      return true
    }
    if (pathname === `${getpaidPathPrefix}/accounts` && req.method === 'GET') {
      const token = bearerToken(req)
      const claims = token ? await jwt.verify(token, { audience: getpaidAudiences.sandbox }) : undefined
      if (!claims) {
        sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
      } else if (!hasScope(claims, 'accounts:read_write')) {
        sendJson(
          res,
          403,
          { error: 'insufficient_scope' },
          { 'www-authenticate': 'Bearer error="insufficient_scope", scope="accounts:read_write"' },
        )
      } else {
        sendJson(res, 200, { data: [{ id: 'acct_1', name: 'Payauth Demo Ltd', currency: 'GBP' }] })
      }
      return true
    }
    return false
  }

  return { baseUrl, jwksUri: `${baseUrl}/.well-known/jwks.json`, handle, monitor }
}
