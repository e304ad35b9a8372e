import type { IncomingMessage, ServerResponse } from 'node:http'
import { createJwtIssuer, hasScope } from '../confidential/jwtIssuer.ts'
import { tokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { bearerToken } from '../http/bearerToken.ts'
import { sendJson } from '../http/sendJson.ts'
import { picpayAudience, picpayTokenEndpoint } from './picpayTokenEndpoint.ts'

export const picpayPathPrefix = '/picpay'
const paymentLinkScope = 'p2b.paymentlink.transactional'

/**
 * The PicPay stand-in: `POST /picpay/oauth2/token` and one resource that checks the token,
 * `GET /picpay/v1/paymentlinks` (scope `p2b.paymentlink.transactional`).
 */
export function createPicpayServer(options: { readonly origin: string }) {
  const baseUrl = `${options.origin}${picpayPathPrefix}`
  const jwt = createJwtIssuer(baseUrl)
  const monitor = tokenRequestMonitor()
  const tokenEndpoint = picpayTokenEndpoint({ jwt, monitor })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox')
    if (pathname === `${picpayPathPrefix}/oauth2/token` && req.method === 'POST') {
      await tokenEndpoint.handle(req, res)
      return true
    }
    if (pathname === `${picpayPathPrefix}/v1/paymentlinks` && req.method === 'GET') {
      const token = bearerToken(req)
      const claims = token ? await jwt.verify(token, { audience: picpayAudience, type: 'at+jwt' }) : undefined
      if (!claims) {
        sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
      } else if (!hasScope(claims, paymentLinkScope)) {
        sendJson(res, 403, { error: 'insufficient_scope' }, { 'www-authenticate': `Bearer error="insufficient_scope"` })
      } else {
        sendJson(res, 200, { seller: claims.sub, paymentLinks: [{ id: 'pl-1', amount: 1990, status: 'ACTIVE' }] })
      }
      return true
    }
    return false
  }

  return { baseUrl, handle, monitor }
}
