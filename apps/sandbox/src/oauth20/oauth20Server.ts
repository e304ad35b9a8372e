import type { IncomingMessage, ServerResponse } from 'node:http'
import { allowCors } from '../http/cors.ts'
import { type AuthorizationCode, type AuthorizeContext, authorizeEndpoint } from './authorizeEndpoint.ts'
import { intentStore } from './intents.ts'
import { intentsEndpoint } from './intentsEndpoint.ts'
import { merchantBackend } from './merchantBackend.ts'
import { oauth20Clients } from './oauth20Clients.ts'
import { oauth20Tokens } from './oauth20Tokens.ts'
import { tokenEndpoint } from './tokenEndpoint.ts'

export interface Oauth20ServerOptions {
  readonly appOrigins: readonly string[]
  /** Access-token lifetime in seconds. */
  readonly accessTokenTtl: number
  /** Lifetime of a new intent in seconds, unless its creator asks for less. */
  readonly intentTtl: number
}

/**
 * The project's own stand-in for the oauth20 authorize/token API (no published server speaks it):
 * intents, a consent page, code + PKCE or client secret, legacy implicit, rotation, the documented
 * errors. Serves `/oauth20/...` and the merchant backend's `/merchant/...`; false for other paths.
 */
export function createOauth20Server(options: Oauth20ServerOptions) {
  const appOrigins = new Set(options.appOrigins)
  const context: AuthorizeContext = {
    clients: new Map(oauth20Clients(options.appOrigins).map((client) => [client.clientId, client])),
    intents: intentStore(options.intentTtl),
    codes: new Map<string, AuthorizationCode>(),
    tokens: oauth20Tokens(options.accessTokenTtl),
    intentIdParam: 'intentid',
    intentTypeParam: 'itype',
  }
  const authorize = authorizeEndpoint(context)
  const token = tokenEndpoint(context)
  const intents = intentsEndpoint(context)
  const merchant = merchantBackend(context)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://sandbox')
    const intentId = /^\/(?:oauth20|merchant)\/intents\/([\w-]+)$/.exec(pathname)?.[1]
    if (pathname === '/oauth20/authorize') {
      if (req.method === 'GET') await authorize.handleGet(req, res)
      else await authorize.handlePost(req, res)
      return true
    }
    if (pathname === '/oauth20/token' || pathname.startsWith('/oauth20/intents') || pathname.startsWith('/merchant/')) {
      if (allowCors(req, res, appOrigins)) return true
    }
    if (pathname === '/oauth20/token' && req.method === 'POST') {
      await token.handle(req, res)
      return true
    }
    if (pathname === '/oauth20/intents' || (intentId !== undefined && pathname.startsWith('/oauth20/'))) {
      await intents.handle(req, res, intentId)
      return true
    }
    if (pathname === '/merchant/intents' || (intentId !== undefined && pathname.startsWith('/merchant/'))) {
      await merchant.handle(req, res, intentId)
      return true
    }
    return false
  }

  return { handle }
}
