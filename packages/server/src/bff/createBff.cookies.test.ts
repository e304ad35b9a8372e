import { decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BffSession } from '../sessions/bffSession.ts'
import { cookieSessionStore } from '../sessions/cookieSessionStore.ts'
import { createKeyRing, generateSessionKey } from '../sessions/keyRing.ts'
import {
  type BffHarness,
  paceBffClient,
  readJson,
  startBffHarness,
  TestBrowser,
  testClock,
} from '../test/bffHarness.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { type Bff, createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'
import { sessionAccess } from './sessionAccess.ts'
import type { SessionView } from './sessionRoute.ts'

// The encrypted session cookie: tampering, key rotation, and sessions too large for one cookie.
const clock = testClock()
const [oldKey, newKey] = [generateSessionKey(), generateSessionKey()]
let harness: BffHarness
let serving: Bff

function bffWith(sessionKeys: string[]): Bff {
  return createBff({
    baseUrl: `${harness.origin}/bff`,
    provider: paceProvider({
      issuer: harness.sandbox.paceIssuer,
      clientId: paceBffClient.clientId,
      clientAuthentication: clientSecretBasic(paceBffClient.clientSecret),
    }),
    sessionKeys,
    now: clock.now,
  })
}

beforeAll(async () => {
  harness = await startBffHarness()
  serving = bffWith([oldKey])
  // One deployment whose configuration the tests change, as a rollout of new keys would.
  harness.mount({ ...serving, handle: (request) => serving.handle(request) })
})
afterAll(() => harness.close())

const signedIn = async (browser: TestBrowser) =>
  (await readJson<SessionView>(await browser.call('/bff/session'))).signedIn

describe('session cookie', () => {
  it('is refused and deleted when tampered with', async () => {
    serving = bffWith([oldKey])
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const sealed = browser.cookies.get('payauth-bff') ?? ''
    const parts = sealed.split('.')
    const ciphertext = parts[3] ?? ''
    parts[3] = `${ciphertext.slice(0, 10)}${ciphertext[10] === 'A' ? 'B' : 'A'}${ciphertext.slice(11)}`
    browser.cookies.set('payauth-bff', parts.join('.'))
    const session = await browser.call('/bff/session')
    expect(await session.json()).toEqual({ signedIn: false })
    expect(session.headers.getSetCookie()).toContain(
      'payauth-bff=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict',
    )
    expect(browser.cookies.has('payauth-bff')).toBe(false)
    const token = await browser.call('/bff/access-token')
    expect(token.status).toBe(401)
    expect(await token.json()).toMatchObject({ error: 'not_signed_in' })
  })

  it('survives a key rotation: old cookies open until their key is dropped, refreshes seal with the new key', async () => {
    serving = bffWith([oldKey])
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const sealedWithOldKey = browser.cookies.get('payauth-bff') ?? ''

    serving = bffWith([newKey, oldKey])
    expect(await signedIn(browser)).toBe(true)
    clock.advance(600_000)
    expect((await browser.call('/bff/access-token')).status).toBe(200)
    const resealed = browser.cookies.get('payauth-bff') ?? ''
    expect(decodeProtectedHeader(resealed).kid).not.toBe(decodeProtectedHeader(sealedWithOldKey).kid)

    serving = bffWith([newKey])
    expect(await signedIn(browser)).toBe(true)
    browser.cookies.set('payauth-bff', sealedWithOldKey)
    expect(await signedIn(browser)).toBe(false)
  })
})

describe('a session larger than one cookie', () => {
  const keyRing = createKeyRing([newKey], clock)
  const access = sessionAccess({
    store: cookieSessionStore({ keyRing, now: clock.now }),
    protocol: { refresh: () => Promise.reject(new Error('not in this test')) },
    now: clock.now,
    cookieName: '__Host-payauth-bff',
    sameSite: 'Strict',
  })
  const sessionWith = (claimBytes: number): BffSession => ({
    id: 'id',
    version: 0,
    accessToken: 'at',
    accessTokenIssuedAt: clock.now(),
    accessTokenExpiresAt: clock.now() + 300_000,
    scope: ['openid'],
    claims: { sub: 'alice', groups: 'g'.repeat(claimBytes) },
    createdAt: clock.now(),
    expiresAt: clock.now() + 3_600_000,
  })

  it('is split into chunk cookies that read back as the same session', async () => {
    const store = cookieSessionStore({ keyRing, now: clock.now })
    const session = sessionWith(6_000)
    const setCookies = access.keep(await store.save(session))
    const chunks = setCookies.filter((line) => !line.includes('Max-Age=0'))
    expect(chunks.map((line) => line.split('=')[0])).toEqual([
      '__Host-payauth-bff.0',
      '__Host-payauth-bff.1',
      '__Host-payauth-bff.2',
    ])
    const cookie = chunks.map((line) => line.split(';')[0]).join('; ')
    const read = await access.read(new Request('https://app.example/bff/session', { headers: { cookie } }))
    expect(read.session).toEqual(session)
  })

  it('is refused with session_too_large, never cut', async () => {
    const store = cookieSessionStore({ keyRing, now: clock.now })
    const stored = await store.save(sessionWith(12_000))
    expect(() => access.keep(stored)).toThrow(expect.objectContaining({ code: 'session_too_large' }))
  })
})
