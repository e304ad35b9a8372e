import type { IncomingMessage, ServerResponse } from 'node:http'
import { readJsonObject } from '../http/readJsonObject.ts'
import { sendJson } from '../http/sendJson.ts'
import { type TokenFault, type TokenRequestMonitor, tokenFaultKinds } from './tokenRequestMonitor.ts'

export const providerTestPathPrefix = '/test/providers/'

/**
 * Test-only endpoints of the confidential providers' stand-ins, on loopback like the rest:
 * - `GET /test/providers/{provider}/token-requests?client_id=…` — `{total, faulted, byGrantType}`;
 * - `POST /test/providers/{provider}/faults` `{kind, times?, retryAfterSeconds?}` — the next `times`
 *   token requests (default 1) play the fault: `unavailable` (503), `server-error` (500 with an
 *   OAuth body), `rate-limited` (429 with `Retry-After`), `hang`, `drop`;
 * - `DELETE /test/providers/{provider}` — forget the counts and the queued faults.
 */
export function providerTestEndpoints(monitors: Readonly<Record<string, TokenRequestMonitor>>) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const match = /^\/test\/providers\/([a-z]+)(\/token-requests|\/faults)?$/.exec(url.pathname)
    const monitor = match?.[1] !== undefined ? monitors[match[1]] : undefined
    if (!match || !monitor) return false
    const resource = match[2]
    if (resource === undefined && req.method === 'DELETE') {
      monitor.reset()
      res.writeHead(204).end()
      return true
    }
    if (resource === '/token-requests' && req.method === 'GET') {
      sendJson(res, 200, monitor.counts(url.searchParams.get('client_id') ?? undefined))
      return true
    }
    if (resource === '/faults' && req.method === 'POST') {
      const body = await readJsonObject(req)
      const fault = body && parseFault(body)
      const times = body?.times ?? 1
      if (!fault || typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
        sendJson(res, 400, {
          error: 'invalid_request',
          error_description: `kind is one of ${tokenFaultKinds.join(', ')}`,
        })
        return true
      }
      monitor.injectFaults(fault, times)
      res.writeHead(204).end()
      return true
    }
    return false
  }
  return { handle }
}

function parseFault(body: Record<string, unknown>): TokenFault | undefined {
  switch (body.kind) {
    case 'unavailable':
    case 'server-error':
    case 'hang':
    case 'drop':
      return { kind: body.kind }
    case 'rate-limited': {
      const retryAfterSeconds = body.retryAfterSeconds ?? 1
      return typeof retryAfterSeconds === 'number' && retryAfterSeconds >= 0
        ? { kind: 'rate-limited', retryAfterSeconds }
        : undefined
    }
    default:
      return undefined
  }
}
