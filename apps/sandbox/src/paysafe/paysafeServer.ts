import type { IncomingMessage, ServerResponse } from 'node:http'
import { createJwtIssuer, hasScope, type JwtIssuer } from '../confidential/jwtIssuer.ts'
import { tokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { bearerToken } from '../http/bearerToken.ts'
import { sendJson } from '../http/sendJson.ts'
import { isPaysafeBrand, paysafeClients } from './paysafeClients.ts'
import { paysafeTokenEndpoint } from './paysafeTokenEndpoint.ts'
import { refreshTokenStore } from './refreshTokenStore.ts'

/** Where the stand-in serves Paysafe's `https://api.paysafe.com/digitalwallets/v1`. */
export const paysafePathPrefix = '/paysafe/digitalwallets/v1'

export interface PaysafeServerOptions {
  readonly origin: string
  /** Access-token lifetime in seconds. */
  readonly accessTokenTtl: number
  /** Refresh-token lifetime in seconds (`refresh_expires_in`). */
  readonly refreshTokenTtl: number
  /** See `PaysafeTokenEndpointDeps.resolveSubjectToken`. */
  readonly resolveSubjectToken: (token: string) => Promise<string | undefined>
}

/** What a verified Paysafe access token says. */
export interface PaysafeAccess {
  readonly brandIdentity: string
  readonly clientId: string
  /** The wallet user, for tokens issued for one (password, token exchange, refresh); else undefined. */
  readonly user: string | undefined
  readonly scope: string
}

/**
 * The Paysafe embedded-wallet stand-in: each brand's token endpoint
 * (`/paysafe/digitalwallets/v1/auth/brands/{brandIdentity}/token`), its public keys (`…/jwks`),
 * and one resource that checks the token, `GET /paysafe/digitalwallets/v1/accounts` (`wallet:read`).
 */
export function createPaysafeServer(options: PaysafeServerOptions) {
  const baseUrl = `${options.origin}${paysafePathPrefix}`
  const issuers = new Map<string, JwtIssuer>()
  for (const { brandIdentity } of paysafeClients) {
    if (!issuers.has(brandIdentity)) {
      issuers.set(brandIdentity, createJwtIssuer(`${baseUrl}/auth/brands/${brandIdentity}`))
    }
  }
  const monitor = tokenRequestMonitor()
  const tokenEndpoint = paysafeTokenEndpoint({
    issuerOf: (brandIdentity) => issuers.get(brandIdentity) as JwtIssuer,
    audience: baseUrl,
    accessTokenTtl: options.accessTokenTtl,
    refreshTokens: refreshTokenStore(options.refreshTokenTtl),
    monitor,
    resolveSubjectToken: options.resolveSubjectToken,
  })

  async function verifyAccessToken(token: string): Promise<PaysafeAccess | undefined> {
    for (const [brandIdentity, issuer] of issuers) {
      const claims = await issuer.verify(token, { audience: baseUrl, type: 'at+jwt' })
      if (!claims) continue
      return {
        brandIdentity,
        clientId: String(claims.client_id),
        user: claims.gty === 'user' ? claims.sub : undefined,
        scope: typeof claims.scope === 'string' ? claims.scope : '',
      }
    }
    return undefined
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox')
    const brandPath = /^\/paysafe\/digitalwallets\/v1\/auth\/brands\/([^/]+)\/(token|jwks)$/.exec(pathname)
    if (brandPath) {
      const [, brandIdentity = '', endpoint] = brandPath
      if (!isPaysafeBrand(brandIdentity)) {
        sendJson(res, 404, { error: 'not_found', error_description: 'Unknown brand' })
      } else if (endpoint === 'token' && req.method === 'POST') {
        await tokenEndpoint.handle(req, res, brandIdentity)
      } else if (endpoint === 'jwks' && req.method === 'GET') {
        sendJson(res, 200, await issuers.get(brandIdentity)?.publicJwks())
      } else {
        sendJson(res, 405, { error: 'method_not_allowed' })
      }
      return true
    }
    if (pathname === `${paysafePathPrefix}/accounts` && req.method === 'GET') {
      const token = bearerToken(req)
      const access = token ? await verifyAccessToken(token) : undefined
      if (!access) {
        sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
      } else if (!hasScope({ scope: access.scope }, 'wallet:read')) {
        sendJson(
          res,
          403,
          { error: 'insufficient_scope' },
          { 'www-authenticate': 'Bearer error="insufficient_scope", scope="wallet:read"' },
        )
      } else {
        sendJson(res, 200, {
          brandIdentity: access.brandIdentity,
          customer: access.user ?? null,
          accounts: [{ id: 'acc-1', currency: 'EUR', balance: '250.00' }],
        })
      }
      return true
    }
    return false
  }

  return { baseUrl, handle, monitor, verifyAccessToken }
}

export type PaysafeServer = ReturnType<typeof createPaysafeServer>
