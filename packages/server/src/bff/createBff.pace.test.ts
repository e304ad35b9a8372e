import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import {
  type BffHarness,
  paceBffClient,
  readJson,
  startBffHarness,
  TestBrowser,
  testClock,
} from '../test/bffHarness.ts'
import type { AccessTokenView } from './accessTokenRoute.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { type Bff, createBff } from './createBff.ts'
import type { LogoutView } from './logoutRoute.ts'
import { paceProvider } from './paceProvider.ts'
import type { SessionView } from './sessionRoute.ts'

// A full sign-in to the sandbox's PACE realm through the BFF, with the default cookie sessions.
let harness: BffHarness
let bff: Bff
const clock = testClock()

beforeAll(async () => {
  harness = await startBffHarness({ accessTokenTtl: 300 })
  bff = createBff({
    baseUrl: `${harness.origin}/bff`,
    provider: paceProvider({
      issuer: harness.sandbox.paceIssuer,
      clientId: paceBffClient.clientId,
      clientAuthentication: clientSecretBasic(paceBffClient.clientSecret),
    }),
    sessionKeys: [generateSessionKey()],
    now: clock.now,
  })
  harness.mount(bff)
})
afterAll(() => harness.close())

interface TokenRequests {
  byGrantType: Record<string, number>
  reusedRefreshTokens: number
}

/** The sandbox's count of token requests for the sign-in (grant) this access token belongs to. */
async function tokenRequests(accessToken: string): Promise<TokenRequests> {
  const response = await fetch(`${harness.sandbox.origin}/test/token-requests?access_token=${accessToken}`)
  return (await response.json()) as TokenRequests
}

async function accessToken(browser: TestBrowser): Promise<string> {
  const response = await browser.call('/bff/access-token')
  expect(response.status).toBe(200)
  return (await readJson<AccessTokenView>(response)).accessToken
}

async function userinfo(token: string): Promise<Response> {
  return fetch(`${harness.sandbox.paceIssuer}/protocol/openid-connect/userinfo`, {
    headers: { authorization: `Bearer ${token}` },
  })
}

describe('sign-in through the BFF', () => {
  it('starts code + PKCE S256 with state and nonce, and returns the user where they asked', async () => {
    const browser = new TestBrowser(harness.origin)
    const login = await browser.navigate('/bff/login?returnTo=%2Fwallet%3Ftab%3Dcards')
    const authorization = new URL(login.headers.get('location') ?? '')
    expect(authorization.href.startsWith(`${harness.sandbox.paceIssuer}/protocol/openid-connect/auth`)).toBe(true)
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: paceBffClient.clientId,
      redirect_uri: `${harness.origin}/bff/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
    })
    for (const name of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(name)).toBeTruthy()

    const landed = await browser.signIn('/bff/login?returnTo=%2Fwallet%3Ftab%3Dcards')
    expect(landed.href).toBe(`${harness.origin}/wallet?tab=cards`)
    const session = await readJson<SessionView>(await browser.call('/bff/session'))
    expect(session).toMatchObject({ signedIn: true, user: { sub: 'alice', name: 'Alice Adler' } })
    expect(session.signedIn && session.user).not.toHaveProperty('nonce')
  })

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict, and the login cookie SameSite=Lax', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const session = browser.setCookieLines.find((line) => line.startsWith('payauth-bff='))
    expect(session).toMatch(/; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/)
    const login = browser.setCookieLines.find((line) => line.startsWith('payauth-bff-login-'))
    expect(login).toMatch(/; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/)
    // The login cookie is gone once its callback ran.
    expect([...browser.cookies.keys()]).toEqual(['payauth-bff'])
  })

  it('hands the SPA a working access token, never the refresh token', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const response = await browser.call('/bff/access-token')
    const body = await readJson<AccessTokenView>(response)
    expect(body).toMatchObject({ tokenType: 'Bearer', scope: expect.arrayContaining(['openid']) })
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresAt', 'scope', 'tokenType'])
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect((await userinfo(body.accessToken)).status).toBe(200)
    const session = await (await browser.call('/bff/session')).text()
    expect(session).not.toContain(body.accessToken)
    expect(session).not.toMatch(/refresh/i)
  })

  it('refuses a callback this browser did not start, and a returnTo off the app origin', async () => {
    const victim = new TestBrowser(harness.origin)
    const attacker = new TestBrowser(harness.origin)
    const callback = await attacker.authorize('/bff/login', 'bob')
    const replayed = await victim.navigate(callback)
    expect(replayed.headers.get('location')).toBe(`${harness.origin}/?payauthError=login_state_mismatch`)
    expect(await (await victim.call('/bff/session')).json()).toEqual({ signedIn: false })

    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const login = await victim.navigate(`/bff/login?returnTo=${encodeURIComponent(returnTo)}`)
      expect(login.status).toBe(400)
      expect(await login.json()).toMatchObject({ error: 'invalid_request' })
    }
  })

  it('checks the RFC 9207 iss of the authorization response', async () => {
    const browser = new TestBrowser(harness.origin)
    const callback = new URL(await browser.authorize('/bff/login?returnTo=/pay'))
    callback.searchParams.set('iss', 'https://other-issuer.example')
    const landed = new URL((await browser.navigate(callback.href)).headers.get('location') ?? '')
    expect(landed.pathname).toBe('/pay')
    expect(landed.searchParams.get('payauthError')).toBe('invalid_response')
    expect(await (await browser.call('/bff/session')).json()).toEqual({ signedIn: false })
  })

  it('returns the provider error (access_denied) to the app', async () => {
    const browser = new TestBrowser(harness.origin)
    const login = await browser.navigate('/bff/login')
    const { browseAuthorization } = await import('@payauth/sandbox')
    const callback = await browseAuthorization(login.headers.get('location') ?? '', {
      username: 'alice',
      redirectUri: `${harness.origin}/bff/callback`,
      decision: 'deny',
    })
    const landed = new URL((await browser.navigate(callback)).headers.get('location') ?? '')
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      payauthError: 'authorization_failed',
      oauthError: 'access_denied',
    })
  })
})

describe('refresh', () => {
  it('refreshes a stale access token once, then hands out the new one', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const first = await accessToken(browser)
    expect(await accessToken(browser)).toBe(first)
    clock.advance(300_000)
    const second = await accessToken(browser)
    expect(second).not.toBe(first)
    expect((await userinfo(second)).status).toBe(200)
    expect(await accessToken(browser)).toBe(second)
    const requests = await tokenRequests(second)
    expect(requests.byGrantType).toEqual({ authorization_code: 1, refresh_token: 1 })
  })

  it('makes one refresh for concurrent requests, and for late requests still holding the old cookie', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const staleCookie = browser.cookieHeader()
    clock.advance(300_000)
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${harness.origin}/bff/access-token`, {
          headers: { cookie: staleCookie, 'x-payauth-csrf': '1', origin: harness.origin },
        }),
      ),
    )
    const tokens = await Promise.all(
      responses.map(async (response) => (await readJson<AccessTokenView>(response)).accessToken),
    )
    expect(new Set(tokens).size).toBe(1)
    const late = await fetch(`${harness.origin}/bff/access-token`, {
      headers: { cookie: staleCookie, 'x-payauth-csrf': '1', origin: harness.origin },
    })
    expect((await readJson<AccessTokenView>(late)).accessToken).toBe(tokens[0])
    const requests = await tokenRequests(tokens[0] ?? '')
    expect(requests.byGrantType.refresh_token).toBe(1)
    expect(requests.reusedRefreshTokens).toBe(0)
  })
})

describe('logout', () => {
  it('revokes the grant, deletes the cookie and answers the provider logout URL', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const token = await accessToken(browser)
    const response = await browser.call('/bff/logout?returnTo=/goodbye', { method: 'POST' })
    const body = await readJson<LogoutView>(response)
    expect(body).toMatchObject({ signedOut: true, revoked: true })
    const logoutUrl = new URL(body.logoutUrl)
    expect(logoutUrl.href.startsWith(`${harness.sandbox.paceIssuer}/protocol/openid-connect/logout`)).toBe(true)
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${harness.origin}/goodbye`)
    // No token in a URL handed to the browser: the client is named instead of id_token_hint.
    expect(logoutUrl.searchParams.get('client_id')).toBe(paceBffClient.clientId)
    expect(logoutUrl.searchParams.has('id_token_hint')).toBe(false)
    expect(browser.cookies.size).toBe(0)
    // Revoking the refresh token revoked the whole grant, its access tokens included.
    const introspected = await fetch(`${harness.sandbox.origin}/test/access-token`, {
      method: 'POST',
      body: new URLSearchParams({ token }),
    })
    expect(await introspected.json()).toEqual({ active: false })
    expect(await (await browser.call('/bff/session')).json()).toEqual({ signedIn: false })
  })
})
