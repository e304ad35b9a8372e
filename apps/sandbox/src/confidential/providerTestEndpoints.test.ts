import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { picpayDemoClient } from '../picpay/picpayClients.ts'
import { type Sandbox, startSandbox } from '../startSandbox.ts'

// The test-only endpoints that token sources' retry tests rely on: counts per client, and faults.
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  await fetch(`${sandbox.origin}/test/providers/picpay`, { method: 'DELETE' })
})

const requestToken = (signal?: AbortSignal) =>
  fetch(`${sandbox.picpayBaseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: picpayDemoClient.clientId,
      client_secret: picpayDemoClient.clientSecret,
    }),
    ...(signal ? { signal } : {}),
  })

const injectFault = (fault: Record<string, unknown>) =>
  fetch(`${sandbox.origin}/test/providers/picpay/faults`, { method: 'POST', body: JSON.stringify(fault) })

async function counts(clientId?: string) {
  const query = clientId ? `?client_id=${encodeURIComponent(clientId)}` : ''
  const response = await fetch(`${sandbox.origin}/test/providers/picpay/token-requests${query}`)
  return (await response.json()) as { total: number; faulted: number; byGrantType: Record<string, number> }
}

describe('provider test endpoints', () => {
  it('count token requests per client', async () => {
    await requestToken()
    await requestToken()
    expect(await counts(picpayDemoClient.clientId)).toEqual({
      total: 2,
      faulted: 0,
      byGrantType: { client_credentials: 2 },
    })
    expect((await counts('someone-else')).total).toBe(0)
  })

  it('play 503, 500 with an OAuth body and 429 with Retry-After for the next N requests, then answer again', async () => {
    expect((await injectFault({ kind: 'unavailable', times: 2 })).status).toBe(204)
    await injectFault({ kind: 'server-error' })
    await injectFault({ kind: 'rate-limited', retryAfterSeconds: 7 })
    const first = await requestToken()
    expect(first.status).toBe(503)
    expect(first.headers.get('content-type')).toContain('text/html')
    expect((await requestToken()).status).toBe(503)
    const serverError = await requestToken()
    expect(serverError.status).toBe(500)
    expect(await serverError.json()).toMatchObject({ error: 'server_error' })
    const limited = await requestToken()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect((await requestToken()).status).toBe(200)
    expect(await counts(picpayDemoClient.clientId)).toMatchObject({ total: 5, faulted: 4 })
  })

  it('drop the connection, or never answer', async () => {
    await injectFault({ kind: 'drop' })
    await expect(requestToken()).rejects.toThrow()
    await injectFault({ kind: 'hang' })
    await expect(requestToken(AbortSignal.timeout(200))).rejects.toThrow(/aborted|timeout/i)
    expect((await requestToken()).status).toBe(200)
  })

  it('refuse unknown faults and forget everything on DELETE', async () => {
    expect((await injectFault({ kind: 'meteor' })).status).toBe(400)
    await injectFault({ kind: 'unavailable' })
    await fetch(`${sandbox.origin}/test/providers/picpay`, { method: 'DELETE' })
    expect((await requestToken()).status).toBe(200)
    expect((await counts()).total).toBe(1)
  })
})
