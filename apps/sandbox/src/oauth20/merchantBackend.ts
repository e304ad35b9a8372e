import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../http/readBody.ts'
import { sendJson } from '../http/sendJson.ts'
import type { AuthorizeContext } from './authorizeEndpoint.ts'
import { intentView } from './intents.ts'
import { parseIntentInput } from './intentsEndpoint.ts'
import { confidentialClientId } from './oauth20Clients.ts'

/**
 * Stands in for the merchant's own backend, which holds the client secret (a browser app must
 * not, RFC 10017) and creates intents for its front end:
 * `POST /merchant/intents` {type, payee, amount, currency, ttlSeconds?} and `GET /merchant/intents/{id}`.
 * It uses the same intent store the API does, as its client-credentials call would.
 */
export function merchantBackend(context: AuthorizeContext) {
  async function handle(req: IncomingMessage, res: ServerResponse, id: string | undefined): Promise<void> {
    if (req.method === 'POST' && id === undefined) {
      const input = parseIntentInput(await readBody(req))
      if (!input)
        return sendJson(res, 400, { error: 'invalid_request', error_description: 'type is missing or invalid' })
      return sendJson(res, 201, intentView(context.intents.create(confidentialClientId, input)))
    }
    const intent = id ? context.intents.find(id) : undefined
    if (req.method !== 'GET' || !intent) return sendJson(res, 404, { error: 'INTENT_NOT_FOUND' })
    sendJson(res, 200, intentView(intent))
  }
  return { handle }
}
