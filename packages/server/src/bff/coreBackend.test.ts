import { createAuthClient, memoryLock, memoryTokenStore } from '@payauth/core'
import { backend } from '@payauth/core/backend'
import { recordingNavigator, sessionChannelHub } from '@payauth/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import { type BffHarness, paceBffClient, startBffHarness, TestBrowser, testClock } from '../test/bffHarness.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'

// The browser client of @payauth/core in BFF mode (`backend()`), against this package's real BFF
// and the sandbox: the same snapshot and single-flight renewal, with no secret and no refresh
// token on the browser side.
let harness: BffHarness
const clock = testClock()

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
      now: clock.now,
    }),
  )
})
afterAll(() => harness.close())

/** Tabs of one browser: its cookie jar, its storage, lock and channel. */
function browserTabs(count: number) {
  const browser = new TestBrowser(harness.origin)
  const shared = { store: memoryTokenStore(), lock: memoryLock(), channels: sessionChannelHub() }
  const tabs = Array.from({ length: count }, () => {
    const navigator = recordingNavigator(`${harness.origin}/wallet`)
    const client = createAuthClient({
      provider: backend({ url: `${harness.origin}/bff` }),
      navigator,
      store: shared.store,
      lock: shared.lock,
      channel: shared.channels.channel(),
      now: clock.now,
      wakeEvents: () => () => {},
      // The cookie jar stands in for `credentials: 'include'`; the answer's Date is on the BFF's
      // clock, which the tests move (a real server's Date and token times share one clock).
      fetch: async (input, init) => {
        const url = new URL(String(input))
        const answer = await browser.call(url.pathname + url.search, {
          method: init?.method ?? 'GET',
          headers: init?.headers,
        })
        const headers = new Headers(answer.headers)
        headers.set('date', new Date(clock.now()).toUTCString())
        return new Response(answer.body, { status: answer.status, headers })
      },
    })
    return { client, navigator }
  })
  return { browser, tabs }
}

async function refreshCount(accessToken: string): Promise<number> {
  const response = await fetch(`${harness.sandbox.origin}/test/token-requests?access_token=${accessToken}`)
  const counts = (await response.json()) as { byGrantType: Record<string, number> }
  return counts.byGrantType.refresh_token ?? 0
}

describe('createAuthClient({ provider: backend() })', () => {
  it('signs in by navigating to the backend, with the page to come back to', async () => {
    const { tabs } = browserTabs(1)
    const [tab] = tabs
    await tab?.client.start()
    expect(tab?.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'none', error: undefined })
    await tab?.client.login({ returnTo: '/wallet?tab=cards' })
    const url = new URL(tab?.navigator.assigned.at(-1) ?? '')
    expect(url.origin + url.pathname).toBe(`${harness.origin}/bff/login`)
    expect(url.searchParams.get('returnTo')).toBe('/wallet?tab=cards')
  })

  it('restores the backend session, renews once per expiry across tabs, and never sees a refresh token', async () => {
    const { browser, tabs } = browserTabs(3)
    await browser.signIn('/bff/login?returnTo=/wallet')
    await Promise.all(tabs.map(({ client }) => client.start()))
    const [first] = tabs
    const snapshot = first?.client.getSnapshot()
    expect(snapshot).toMatchObject({ status: 'signedIn', session: { user: { sub: 'alice' }, renewable: true } })
    const before = await first?.client.getAccessToken()

    clock.advance(5 * 60_000)
    const tokens = await Promise.all(
      tabs.flatMap(({ client }) => Array.from({ length: 10 }, () => client.getAccessToken())),
    )
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).not.toBe(before)
    expect(await refreshCount(tokens[0] ?? '')).toBe(1)
    expect(JSON.stringify(tabs.map(({ client }) => client.getSnapshot()))).not.toMatch(/refresh/i)
    for (const { client } of tabs) client.dispose()
  })

  it('signs out through the backend in every tab, and the backend forgets the session', async () => {
    const { browser, tabs } = browserTabs(2)
    await browser.signIn('/bff/login?returnTo=/wallet')
    await Promise.all(tabs.map(({ client }) => client.start()))
    const [first, second] = tabs
    await first?.client.logout({ returnTo: '/bye' })
    expect(first?.client.getSnapshot()).toMatchObject({ status: 'signedOut', reason: 'logout', error: undefined })
    expect(first?.navigator.assigned.at(-1)).toMatch(/\/protocol\/openid-connect\/logout\?/)
    await expect.poll(() => second?.client.getSnapshot().status).toBe('signedOut')
    const session = await browser.call('/bff/session')
    expect(await session.json()).toEqual({ signedIn: false })
  })

  it('ends the session when the backend no longer has one', async () => {
    const { browser, tabs } = browserTabs(1)
    await browser.signIn('/bff/login?returnTo=/wallet')
    const [tab] = tabs
    await tab?.client.start()
    browser.cookies.clear()
    clock.advance(5 * 60_000)
    const error = await tab?.client.getAccessToken().catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'login_required' })
    expect(tab?.client.getSnapshot()).toMatchObject({ status: 'signedOut', reason: 'rejected' })
  })
})
