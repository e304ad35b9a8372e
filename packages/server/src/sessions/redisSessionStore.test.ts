import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { AccessTokenView } from '../bff/accessTokenRoute.ts'
import { clientSecretBasic } from '../bff/clientAuthentication.ts'
import { type Bff, createBff } from '../bff/createBff.ts'
import { paceProvider } from '../bff/paceProvider.ts'
import type { SessionView } from '../bff/sessionRoute.ts'
import {
  type BffHarness,
  paceBffClient,
  readJson,
  startBffHarness,
  TestBrowser,
  testClock,
} from '../test/bffHarness.ts'
import { createKeyRing, generateSessionKey } from './keyRing.ts'
import { acquireRedisLock } from './redisLock.ts'
import { redisSessionStore } from './redisSessionStore.ts'

// Two BFF instances behind one origin share sessions through the real redis-server of this run.
const redis = createClient({ url: inject('redisUrl') })
const keyPrefix = `payauth-test:${Date.now()}:`
const sessionKeys = [generateSessionKey()]
const clock = testClock()
let harness: BffHarness
let instances: [Bff, Bff]
let next = 0

beforeAll(async () => {
  await redis.connect()
  harness = await startBffHarness({ accessTokenTtl: 300 })
  const instance = () =>
    createBff({
      baseUrl: `${harness.origin}/bff`,
      provider: paceProvider({
        issuer: harness.sandbox.paceIssuer,
        clientId: paceBffClient.clientId,
        clientAuthentication: clientSecretBasic(paceBffClient.clientSecret),
      }),
      sessionKeys,
      sessionStore: redisSessionStore({ client: redis, keyPrefix }),
      now: clock.now,
    })
  instances = [instance(), instance()]
  // A load balancer: requests alternate between the two instances.
  harness.mount({ ...instances[0], handle: (request) => instances[next++ % 2 === 0 ? 0 : 1].handle(request) })
})
afterAll(async () => {
  await harness.close()
  redis.destroy()
})

async function refreshCount(accessToken: string): Promise<{ refreshes: number; reused: number }> {
  const response = await fetch(`${harness.sandbox.origin}/test/token-requests?access_token=${accessToken}`)
  const body = (await response.json()) as { byGrantType: Record<string, number>; reusedRefreshTokens: number }
  return { refreshes: body.byGrantType.refresh_token ?? 0, reused: body.reusedRefreshTokens }
}

async function concurrentAccessTokens(browser: TestBrowser, count: number): Promise<Set<string>> {
  const responses = await Promise.all(Array.from({ length: count }, () => browser.call('/bff/access-token')))
  for (const response of responses) expect(response.status).toBe(200)
  return new Set(await Promise.all(responses.map(async (r) => (await readJson<AccessTokenView>(r)).accessToken)))
}

describe('Redis session store', () => {
  it('makes one refresh per expiry across two instances', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const cookieBefore = browser.cookieHeader()
    for (const expiry of [1, 2]) {
      clock.advance(300_000)
      const tokens = await concurrentAccessTokens(browser, 8)
      expect(tokens.size).toBe(1)
      expect(await refreshCount([...tokens][0] ?? '')).toEqual({ refreshes: expiry, reused: 0 })
    }
    // The cookie only names the session: refreshes change what Redis holds, not the cookie.
    expect(browser.cookieHeader()).toBe(cookieBefore)
  })

  it('ends the session on every instance at logout', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const copied = browser.cookieHeader()
    expect((await browser.call('/bff/logout', { method: 'POST' })).status).toBe(200)
    // Two requests in a row: the balancer sends one to each instance.
    for (const _instance of instances) {
      const replayed = await fetch(`${harness.origin}/bff/access-token`, {
        headers: { cookie: copied, 'x-payauth-csrf': '1', origin: harness.origin },
      })
      expect(replayed.status).toBe(401)
      expect(await replayed.json()).toMatchObject({ error: 'not_signed_in' })
    }
  })

  it('keeps sessions encrypted, under the SHA-256 of their id', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const sessionId = browser.cookies.get('payauth-bff') ?? ''
    const store = redisSessionStore({ client: redis, keyPrefix })({
      keyRing: createKeyRing(sessionKeys, clock),
      now: clock.now,
    })
    const session = await store.load(sessionId)
    expect(session?.refreshToken).toBeTruthy()
    const key = `${keyPrefix}session:${Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sessionId)),
    ).toString('base64url')}`
    const raw = (await redis.get(key)) ?? ''
    expect(raw.split('.')).toHaveLength(5)
    for (const secret of [session?.refreshToken, session?.accessToken, sessionId]) {
      expect(raw).not.toContain(secret)
    }
    const keys = await redis.keys(`${keyPrefix}*`)
    expect(keys.some((name) => name.includes(sessionId))).toBe(false)
    const view = await readJson<SessionView>(await browser.call('/bff/session'))
    expect(view.signedIn).toBe(true)
    // A record under another session's key is refused: it must be the one the cookie names.
    await redis.set(key, (await redis.get(keys.find((name) => name !== key && name.includes(':session:')) ?? '')) ?? '')
    expect(await store.load(sessionId)).toBeUndefined()
  })
})

describe('Redis lock', () => {
  it('is held by one taker at a time, and a taker whose lock expired cannot release the next one', async () => {
    const key = `${keyPrefix}lock-test`
    const first = await acquireRedisLock(redis, key, 60_000)
    expect(first).toBeDefined()
    expect(await acquireRedisLock(redis, key, 60_000)).toBeUndefined()
    await first?.release()
    const expiring = await acquireRedisLock(redis, key, 1)
    while ((await redis.get(key)) !== null) await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await acquireRedisLock(redis, key, 60_000)
    await expiring?.release()
    expect(await redis.get(key)).not.toBeNull()
    expect(await acquireRedisLock(redis, key, 60_000)).toBeUndefined()
    await second?.release()
    expect(await redis.get(key)).toBeNull()
  })
})
