import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import { type BffHarness, paceBffClient, readJson, startBffHarness, TestBrowser } from '../test/bffHarness.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'
import type { SessionView } from './sessionRoute.ts'

// RFC 9470 step-up through the BFF, against the sandbox's PACE realm: `strong` asks for the PIN
// beside the password; any other acr it does not know, it ignores, as a real provider may.
let harness: BffHarness
/** Paths the BFF asked the provider for, in order. */
const providerRequests: string[] = []

beforeAll(async () => {
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
      loginParameters: ['acr_values', 'max_age'],
      fetch: (input, init) => {
        providerRequests.push(new URL(input instanceof Request ? input.url : String(input)).pathname)
        return fetch(input, init)
      },
    }),
  )
})
afterAll(() => harness.close())

async function landing(browser: TestBrowser, callback: string): Promise<URL> {
  return new URL((await browser.navigate(callback)).headers.get('location') ?? 'about:blank')
}

describe('step-up through the BFF', () => {
  it('passes acr_values and max_age on, and starts the session the provider stepped up', async () => {
    const browser = new TestBrowser(harness.origin)
    const login = await browser.navigate('/bff/login?returnTo=%2Fstatements&acr_values=strong&max_age=300')
    const asked = new URL(login.headers.get('location') ?? '').searchParams
    expect([asked.get('acr_values'), asked.get('max_age')]).toEqual(['strong', '300'])

    const callback = await browser.authorize(
      '/bff/login?returnTo=%2Fstatements&acr_values=strong&max_age=300',
      'alice',
      '/bff/callback',
      '1234',
    )
    expect((await landing(browser, callback)).href).toBe(`${harness.origin}/statements`)
    const session = await readJson<SessionView>(await browser.call('/bff/session'))
    expect(session).toMatchObject({ signedIn: true, user: { sub: 'alice' } })
  })

  it('starts no session when the provider ignored the acr it was asked for', async () => {
    const browser = new TestBrowser(harness.origin)
    const callback = await browser.authorize('/bff/login?returnTo=%2Fstatements&acr_values=gold')
    providerRequests.length = 0
    const landed = await landing(browser, callback)
    // What the refused sign-in was granted is revoked, not left valid at the provider.
    expect(providerRequests.at(-1)).toMatch(/\/revoke$/)
    expect(landed.pathname).toBe('/statements')
    expect(landed.searchParams.get('payauthError')).toBe('step_up_not_met')
    expect(await (await browser.call('/bff/session')).json()).toEqual({ signedIn: false })
  })

  it('refuses a max_age that is not a whole number of seconds before sending anyone to the provider', async () => {
    const browser = new TestBrowser(harness.origin)
    for (const maxAge of ['soon', '-1', '1.5', '', '1e3', '0x10']) {
      const login = await browser.navigate(`/bff/login?max_age=${maxAge}`)
      expect(login.status).toBe(400)
      expect(await login.json()).toMatchObject({ error: 'invalid_request' })
    }
  })
})
