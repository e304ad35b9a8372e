import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../http/sendJson.ts'

/**
 * Failures a test can make a stand-in's token endpoint play for its next requests, so token
 * sources' retries run against the real server: a bare 503, a 500 with an OAuth error body,
 * a 429 with `Retry-After`, a request that never gets an answer, a connection dropped unanswered.
 */
export type TokenFault =
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'drop' }

export const tokenFaultKinds: readonly TokenFault['kind'][] = [
  'unavailable',
  'server-error',
  'rate-limited',
  'hang',
  'drop',
]

export interface TokenRequestCounts {
  /** Requests that reached the token endpoint, faulted ones included. */
  readonly total: number
  /** Requests answered with a fault instead of being processed. */
  readonly faulted: number
  readonly byGrantType: Readonly<Record<string, number>>
}

interface TokenRequestRecord {
  readonly clientId: string
  readonly grantType: string
  readonly faulted: boolean
}

/** Counts one stand-in's token requests per client and hands out the faults queued for the next ones. */
export function tokenRequestMonitor() {
  let records: TokenRequestRecord[] = []
  let faults: TokenFault[] = []
  return {
    /** Records a token request; returns the fault to play instead of answering it, if one is queued. */
    admit(clientId: string, grantType: string): TokenFault | undefined {
      const fault = faults.shift()
      records.push({ clientId, grantType, faulted: fault !== undefined })
      return fault
    },
    injectFaults(fault: TokenFault, times: number): void {
      for (let index = 0; index < times; index++) faults.push(fault)
    },
    counts(clientId?: string): TokenRequestCounts {
      const matching = records.filter((record) => clientId === undefined || record.clientId === clientId)
      const byGrantType: Record<string, number> = {}
      for (const { grantType } of matching) byGrantType[grantType] = (byGrantType[grantType] ?? 0) + 1
      return { total: matching.length, faulted: matching.filter((record) => record.faulted).length, byGrantType }
    },
    reset(): void {
      records = []
      faults = []
    },
  }
}

export type TokenRequestMonitor = ReturnType<typeof tokenRequestMonitor>

/** Answers (or, for `hang` and `drop`, does not answer) a token request with the fault. */
export function playFault(fault: TokenFault, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.kind) {
    case 'unavailable':
      // What a load balancer in front of the provider sends: no OAuth body at all.
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end('<html><body><h1>503 Service Unavailable</h1></body></html>')
      return
    case 'server-error':
      sendJson(res, 500, { error: 'server_error', error_description: 'The token service failed' })
      return
    case 'rate-limited':
      sendJson(
        res,
        429,
        { error: 'too_many_requests', error_description: 'Slow down' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      )
      return
    case 'hang':
      // Never answered: the client's timeout must end it (the sandbox drops it when it closes).
      return
    case 'drop':
      req.socket.destroy()
      return
  }
}
