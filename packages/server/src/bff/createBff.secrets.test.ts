import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerAuthError } from '../errors.ts'
import type { BffSession } from '../sessions/bffSession.ts'
import { cookieSessionStore } from '../sessions/cookieSessionStore.ts'
import { createKeyRing, generateSessionKey } from '../sessions/keyRing.ts'
import { type BffHarness, paceBffClient, startBffHarness, TestBrowser, testClock } from '../test/bffHarness.ts'
import type { BffOptions } from './bffOptions.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { type Bff, createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'

// Every output of the BFF, in success and in failure, scanned for secrets and tokens.
const clock = testClock()
const sessionKeys = [generateSessionKey(), generateSessionKey()]
const wrongSecret = 'not-the-payauth-bff-secret'
/** Bodies, headers, log lines and inspected objects the BFF produced. */
const outputs: string[] = []
/** Every refresh token, ID token and access token the provider issued to the BFF. */
const tokens = { refresh: new Set<string>(), id: new Set<string>(), access: new Set<string>() }
/** What the provider answers next, when a test makes it misbehave. */
let providerTrouble: 'down' | 'malformed' | undefined
let harness: BffHarness
let serving: Bff

const logger = {
  warn(message: string, error: ServerAuthError) {
    outputs.push(message, String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }))
  },
}

function bffWith(clientSecret: string): Bff {
  const options: BffOptions = {
    baseUrl: `${harness.origin}/bff`,
    provider: paceProvider({
      issuer: harness.sandbox.paceIssuer,
      clientId: paceBffClient.clientId,
      clientAuthentication: clientSecretBasic(clientSecret),
    }),
    sessionKeys,
    now: clock.now,
    logger,
    fetch: async (input, init) => {
      if (String(input).endsWith('/token') && providerTrouble === 'down') throw new TypeError('fetch failed')
      if (String(input).endsWith('/token') && providerTrouble === 'malformed') {
        // A token response openid-client rejects; its error's cause would hold this body.
        return Response.json({
          access_token: 'leaky-access-token-0123456789',
          token_type: 'bearer',
          expires_in: 'soon',
        })
      }
      const response = await fetch(input, init)
      if (String(input).endsWith('/token')) {
        const granted = (await response.clone().json()) as Record<string, string | undefined>
        if (granted.refresh_token) tokens.refresh.add(granted.refresh_token)
        if (granted.id_token) tokens.id.add(granted.id_token)
        if (granted.access_token) tokens.access.add(granted.access_token)
      }
      return response
    },
  }
  const bff = createBff(options)
  outputs.push(
    inspect(bff, { depth: 10, showHidden: true }),
    inspect(options.provider, { depth: 10, showHidden: true }),
  )
  outputs.push(JSON.stringify(options.provider))
  return bff
}

beforeAll(async () => {
  harness = await startBffHarness({ accessTokenTtl: 300 })
  serving = bffWith(paceBffClient.clientSecret)
  harness.mount({ ...serving, handle: (request) => serving.handle(request) })
})
afterAll(() => harness.close())

/** Calls the BFF and keeps what it answered; the access-token route's body is the one place a token may be. */
async function call(browser: TestBrowser, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await browser.call(path, init)
  const body = await response.clone().text()
  outputs.push(`${response.status} ${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`)
  if (!(path.endsWith('/access-token') && response.ok)) outputs.push(body)
  return response
}

/** The session in the browser's cookie, as the BFF would open it. */
function sessionIn(browser: TestBrowser): Promise<BffSession | undefined> {
  const store = cookieSessionStore({ keyRing: createKeyRing(sessionKeys, clock), now: clock.now })
  return store.load(browser.cookies.get('payauth-bff') ?? '')
}

/** Signs in; returns where the BFF sent the browser back to. */
async function signIn(browser: TestBrowser): Promise<string> {
  const callback = await browser.authorize('/bff/login')
  const landed = (await browser.navigate(callback)).headers.get('location') ?? ''
  outputs.push(callback, landed, ...browser.setCookieLines)
  return landed
}

describe('secrets', () => {
  it('appear in no response, log line, error or inspected object, in success or failure', async () => {
    const browser = new TestBrowser(harness.origin)
    await signIn(browser)
    await call(browser, '/bff/session')
    await call(browser, '/bff/access-token')
    clock.advance(300_000)
    await call(browser, '/bff/access-token')

    providerTrouble = 'malformed'
    clock.advance(300_000)
    expect((await call(browser, '/bff/access-token')).status).toBe(502)
    providerTrouble = 'down'
    expect(await (await call(browser, '/bff/access-token')).json()).toMatchObject({ error: 'network_error' })
    providerTrouble = undefined

    // The grant is revoked behind the BFF's back: the next refresh is refused with invalid_grant.
    const session = await sessionIn(browser)
    await fetch(`${harness.sandbox.paceIssuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${paceBffClient.clientId}:${paceBffClient.clientSecret}`)}` },
      body: new URLSearchParams({ token: session?.refreshToken ?? '', token_type_hint: 'refresh_token' }),
    })
    expect(await (await call(browser, '/bff/access-token')).json()).toMatchObject({ error: 'session_expired' })

    const another = new TestBrowser(harness.origin)
    await signIn(another)
    await call(another, '/bff/logout', { method: 'POST' })

    serving = bffWith(wrongSecret)
    const refused = new TestBrowser(harness.origin)
    expect(await signIn(refused)).toContain('payauthError=token_error')

    const secrets = [paceBffClient.clientSecret, wrongSecret, ...sessionKeys, ...tokens.refresh, ...tokens.id]
    expect(tokens.refresh.size).toBeGreaterThanOrEqual(3)
    expect(tokens.id.size).toBeGreaterThanOrEqual(2)
    for (const secret of [...secrets, ...tokens.access, 'leaky-access-token-0123456789']) {
      for (const output of outputs) expect(output.includes(secret), `${secret} in ${output}`).toBe(false)
    }
  })
})
