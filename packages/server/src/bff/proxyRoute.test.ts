import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import { type BffHarness, paceBffClient, startBffHarness, TestBrowser, testClock } from '../test/bffHarness.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'

// Proxy mode: the SPA holds no token; the BFF adds it on the way to the configured upstreams.
interface Received {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

const clock = testClock()
let harness: BffHarness
let upstream: Server
let upstreamOrigin: string
/** What the test upstream received, in order. */
const received: Received[] = []

beforeAll(async () => {
  // A fake upstream API, local to this test: it echoes and tries to set a cookie of its own.
  upstream = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(201, {
        'content-type': 'application/json',
        'set-cookie': 'upstream=1; Path=/',
        'x-request-id': 'r-1',
      })
      res.end(JSON.stringify({ ok: true }))
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  harness = await startBffHarness({ accessTokenTtl: 300 })
  harness.mount(
    createBff({
      baseUrl: `${harness.origin}/bff`,
      provider: paceProvider({
        issuer: harness.sandbox.paceIssuer,
        clientId: paceBffClient.clientId,
        clientAuthentication: clientSecretBasic(paceBffClient.clientSecret),
      }),
      sessionKeys: [generateSessionKey()],
      mode: 'proxy',
      proxy: { upstreams: { api: `${upstreamOrigin}/v1`, pace: harness.sandbox.paceIssuer } },
      now: clock.now,
    }),
  )
})
afterAll(async () => {
  await harness.close()
  await new Promise((resolve) => upstream.close(resolve))
})

async function signedInBrowser(): Promise<TestBrowser> {
  const browser = new TestBrowser(harness.origin)
  await browser.signIn()
  return browser
}

describe('proxy', () => {
  it('forwards to the upstream with the access token, without cookies or the CSRF header', async () => {
    const browser = await signedInBrowser()
    const response = await browser.call('/bff/api/api/payments?limit=2', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': 'k-1' },
      body: '{"amount":"12.50"}',
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ ok: true })
    expect(response.headers.get('x-request-id')).toBe('r-1')
    expect(response.headers.getSetCookie()).toEqual([])
    const forwarded = received.at(-1)
    expect(forwarded).toMatchObject({ method: 'POST', url: '/v1/payments?limit=2', body: '{"amount":"12.50"}' })
    expect(forwarded?.headers).toMatchObject({ 'content-type': 'application/json', 'x-idempotency-key': 'k-1' })
    expect(forwarded?.headers.authorization).toMatch(/^Bearer \S+$/)
    for (const header of ['cookie', 'x-payauth-csrf', 'origin']) expect(forwarded?.headers).not.toHaveProperty(header)
  })

  it("reaches the provider's resources with the user's token", async () => {
    const browser = await signedInBrowser()
    const response = await browser.call('/bff/api/pace/protocol/openid-connect/userinfo')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ sub: 'alice' })
  })

  it('refreshes a stale token before forwarding, and updates the session cookie', async () => {
    const browser = await signedInBrowser()
    await browser.call('/bff/api/api/cards')
    const before = received.at(-1)?.headers.authorization
    clock.advance(300_000)
    const response = await browser.call('/bff/api/api/cards')
    expect(received.at(-1)?.headers.authorization).not.toBe(before)
    expect(response.headers.getSetCookie().some((line) => line.startsWith('payauth-bff='))).toBe(true)
  })

  it('reaches nothing but configured upstreams, and nothing without a session or the CSRF header', async () => {
    const count = received.length
    const browser = await signedInBrowser()
    const unknown = await browser.call('/bff/api/elsewhere/x')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: 'upstream_not_allowed' })
    const withoutHeader = await browser.call('/bff/api/api/payments', { method: 'POST', withoutCsrfHeader: true })
    expect(await withoutHeader.json()).toMatchObject({ error: 'csrf_rejected' })
    const anonymous = await new TestBrowser(harness.origin).call('/bff/api/api/cards')
    expect(anonymous.status).toBe(401)
    // A raw request with dot segments (a browser would have removed them) does not climb out either.
    const climbing = await rawGet(`${harness.origin}/bff/api/api/../../../admin`, browser)
    expect(climbing).toBe(404)
    expect(received.length).toBe(count)
  })
})

function rawGet(url: string, browser: TestBrowser): Promise<number> {
  const { hostname, port } = new URL(url)
  const path = url.slice(new URL(url).origin.length)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        path,
        headers: { cookie: browser.cookieHeader(), 'x-payauth-csrf': '1', origin: browser.origin },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end()
  })
}
