import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../http/readBody.ts'
import { sendJson } from '../http/sendJson.ts'
import type { AuthorizeContext } from './authorizeEndpoint.ts'
import { type IntentInput, intentView, isIntentType } from './intents.ts'
import { confidentialClientId } from './oauth20Clients.ts'

/**
 * `POST /oauth20/intents` creates an intent for a client-credentials token of a confidential
 * client; `GET /oauth20/intents/{id}` reads it back for that client, or for a user whose token
 * was granted for it.
 */
export function intentsEndpoint(context: AuthorizeContext) {
  async function handle(req: IncomingMessage, res: ServerResponse, id: string | undefined): Promise<void> {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const grant = bearer ? context.tokens.findAccess(bearer) : undefined
    if (!grant) {
      return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
    }
    if (req.method === 'POST' && id === undefined) {
      if (grant.clientId !== confidentialClientId || grant.subject !== undefined) {
        return sendJson(res, 403, { error: 'insufficient_scope', error_description: 'Use a client credentials token' })
      }
      const input = parseIntentInput(await readBody(req))
      if (!input)
        return sendJson(res, 400, { error: 'invalid_request', error_description: 'type is missing or invalid' })
      return sendJson(res, 201, intentView(context.intents.create(grant.clientId, input)))
    }
    const intent = id ? context.intents.find(id) : undefined
    const mayRead = intent && (grant.clientId === intent.clientId || grant.intentId === intent.id)
    if (req.method !== 'GET' || !intent || !mayRead) {
      return sendJson(res, 404, { error: 'INTENT_NOT_FOUND', error_description: 'No intent with this id' })
    }
    sendJson(res, 200, intentView(intent))
  }
  return { handle }
}

export function parseIntentInput(body: string): IntentInput | undefined {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { type, payee, amount, currency, ttlSeconds } = value as Record<string, unknown>
  if (!isIntentType(type)) return undefined
  return {
    type,
    ...(typeof payee === 'string' ? { payee } : {}),
    ...(typeof amount === 'string' ? { amount } : {}),
    ...(typeof currency === 'string' ? { currency } : {}),
    ...(typeof ttlSeconds === 'number' ? { ttlSeconds } : {}),
  }
}
