import { browseAuthorization } from '@payauth/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import {
  type BffHarness,
  merchantClient,
  readJson,
  startBffHarness,
  TestBrowser,
  testClock,
} from '../test/bffHarness.ts'
import type { AccessTokenView } from './accessTokenRoute.ts'
import { clientSecretPost } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'
import type { IntentView } from './intentRoute.ts'
import { oauth20Provider } from './oauth20Provider.ts'
import type { SessionView } from './sessionRoute.ts'

// The oauth20 API's confidential code flow: the BFF creates the intent, then signs in for it.
const clock = testClock()
let harness: BffHarness
/** Token requests the BFF sent: how it authenticated, for the client_secret_post check. */
const tokenRequests: { authorization: string | null; body: URLSearchParams }[] = []

beforeAll(async () => {
  harness = await startBffHarness({ accessTokenTtl: 120 })
  harness.mount(
    createBff({
      baseUrl: `${harness.origin}/pay/bff`,
      provider: oauth20Provider({
        baseUrl: harness.sandbox.oauth20BaseUrl,
        clientId: merchantClient.clientId,
        clientAuthentication: clientSecretPost(merchantClient.clientSecret),
      }),
      sessionKeys: [generateSessionKey()],
      cookieName: 'payauth-pay',
      proxy: { upstreams: { bank: harness.sandbox.oauth20BaseUrl } },
      now: clock.now,
      fetch: async (input, init) => {
        if (String(input).endsWith('/oauth20/token')) {
          tokenRequests.push({
            authorization: new Headers(init?.headers).get('authorization'),
            body: new URLSearchParams(String(init?.body)),
          })
        }
        return fetch(input, init)
      },
    }),
  )
})
afterAll(() => harness.close())

const payment = { type: 'payments', payee: 'Merchant A', amount: '12.50', currency: 'EUR' }
const callbackUri = () => `${harness.origin}/pay/bff/callback`

async function createIntent(browser: TestBrowser, body: Record<string, unknown>): Promise<Response> {
  return browser.call('/pay/bff/intents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('sign-in for an intent', () => {
  it('creates the intent with the client secret, signs in for it and keeps it in the session', async () => {
    const browser = new TestBrowser(harness.origin)
    const created = await createIntent(browser, { ...payment, returnTo: '/checkout/done' })
    expect(created.status).toBe(201)
    const { intent, authorizationUrl } = await readJson<IntentView>(created)
    expect(intent).toMatchObject({ type: 'payments', status: 'CREATED', amount: '12.50', payee: 'Merchant A' })
    const authorization = new URL(authorizationUrl)
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: merchantClient.clientId,
      intentid: intent.id,
      itype: 'payments',
      scope: 'openid,payments',
      code_challenge_method: 'S256',
    })
    expect(authorization.searchParams.has('nonce')).toBe(false)

    const callback = await browseAuthorization(authorizationUrl, { username: 'bob', redirectUri: callbackUri() })
    const landed = await browser.navigate(callback)
    expect(landed.headers.get('location')).toBe(`${harness.origin}/checkout/done`)
    const session = await readJson<SessionView>(await browser.call('/pay/bff/session'))
    expect(session).toMatchObject({ signedIn: true, intent: { id: intent.id, type: 'payments' } })

    // The intent's client credentials and the code exchange both sent the secret as form fields.
    expect(tokenRequests.map((request) => request.body.get('grant_type'))).toEqual([
      'client_credentials',
      'authorization_code',
    ])
    for (const request of tokenRequests) {
      expect(request.authorization).toBeNull()
      expect(request.body.get('client_secret')).toBe(merchantClient.clientSecret)
    }
    expect(tokenRequests[1]?.body.get('code_verifier')).toBeTruthy()

    // The user's token reads the intent it was granted for: consumed now.
    const read = await browser.call(`/pay/bff/api/bank/oauth20/intents/${intent.id}`)
    expect(await read.json()).toMatchObject({ id: intent.id, status: 'CONSUMED' })
  })

  it("refreshes with the API's rotating refresh tokens", async () => {
    const browser = new TestBrowser(harness.origin)
    const { authorizationUrl } = await readJson<IntentView>(await createIntent(browser, payment))
    await browser.navigate(await browseAuthorization(authorizationUrl, { username: 'bob', redirectUri: callbackUri() }))
    const first = await readJson<AccessTokenView>(await browser.call('/pay/bff/access-token'))
    clock.advance(120_000)
    const second = await readJson<AccessTokenView>(await browser.call('/pay/bff/access-token'))
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(second.scope).toEqual(['openid', 'payments'])
    expect(tokenRequests.at(-1)?.body.get('grant_type')).toBe('refresh_token')
  })

  it("returns the API's intent errors to the app", async () => {
    const browser = new TestBrowser(harness.origin)
    const { authorizationUrl } = await readJson<IntentView>(
      await createIntent(browser, { ...payment, returnTo: '/cart' }),
    )
    await browseAuthorization(authorizationUrl, { username: 'bob', redirectUri: callbackUri() })
    // The same authorization again, e.g. from the browser history: the intent is no longer new.
    const again = await browseAuthorization(authorizationUrl, { username: 'bob', redirectUri: callbackUri() })
    const landed = new URL((await browser.navigate(again)).headers.get('location') ?? '')
    expect(landed.pathname).toBe('/cart')
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      payauthError: 'authorization_failed',
      oauthError: 'INTENT_HAS_BEEN_USED_BEFORE',
    })
  })

  it('refuses unknown intent types, and sign-ins that do not start from an intent', async () => {
    const browser = new TestBrowser(harness.origin)
    const unknown = await createIntent(browser, { ...payment, type: 'lottery' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ error: 'invalid_request' })
    const login = await browser.navigate('/pay/bff/login')
    expect(login.status).toBe(400)
    expect(await login.json()).toMatchObject({ error: 'invalid_request' })
  })
})
