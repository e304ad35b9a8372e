import { appOrigin, signInAs, type TestClient, testClient } from '@payauth/harness'
import { rejection, sandbox, sessionKey, setUpSandbox, storedSession } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode, OAuthResponseError } from './errors.ts'
import { memoryLock } from './session/memoryLock.ts'
import { broadcastSessionChannel } from './session/sessionChannel.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'
import type { TokenStore } from './storage/tokenStore.ts'

setUpSandbox()

const minute = 60_000
let channelCount = 0

/** Tabs of one browser: one store, one lock, one broadcast channel name; each its own client. */
function browser(tabCount: number, clock: () => number = Date.now): { store: TokenStore; tabs: TestClient[] } {
  const store = memoryTokenStore()
  const lock = memoryLock()
  const channelName = `payauth-test-${++channelCount}`
  const tabs = Array.from({ length: tabCount }, () =>
    testClient(sandbox, { store, lock, channel: broadcastSessionChannel(channelName), now: clock }),
  )
  return { store, tabs }
}

async function signedInBrowser(tabCount: number, clock: () => number = Date.now) {
  const { store, tabs } = browser(tabCount, clock)
  const [first] = tabs
  if (!first) throw new Error('no tab')
  await first.client.handleCallback(await signInAs(first))
  await Promise.all(tabs.map((tab) => tab.client.start()))
  return { store, tabs, first }
}

const refreshes = (tabs: TestClient[]) => tabs.flatMap((tab) => tab.grants).filter((grant) => grant === 'refresh_token')

describe('refresh', () => {
  it('refreshes a stale token once for many concurrent callers in one tab', async () => {
    let time = Date.now()
    const { first } = await signedInBrowser(1, () => time)
    const before = await first.client.getAccessToken()
    time += 10 * minute
    const tokens = await Promise.all(Array.from({ length: 20 }, () => first.client.getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).not.toBe(before)
    expect(refreshes([first])).toHaveLength(1)
  })

  it('refreshes once across tabs; the others take the new tokens without a request', async () => {
    let time = Date.now()
    const { tabs } = await signedInBrowser(3, () => time)
    for (let expiry = 1; expiry <= 3; expiry++) {
      time += 10 * minute
      const tokens = await Promise.all(
        tabs.flatMap((tab) => [tab.client.getAccessToken(), tab.client.getAccessToken()]),
      )
      expect(new Set(tokens).size).toBe(1)
      expect(refreshes(tabs)).toHaveLength(expiry)
    }
    // Had any rotated refresh token been presented twice, the server would have revoked the grant.
    for (const tab of tabs) expect(tab.client.getSnapshot().status).toBe('signedIn')
  })

  it('refreshes an expired stored session on start', async () => {
    let time = Date.now()
    const { store, first } = await signedInBrowser(1, () => time)
    const old = await first.client.getAccessToken()
    first.client.dispose()
    time += 60 * minute
    const reloaded = testClient(sandbox, { store, now: () => time })
    await reloaded.client.start()
    const snapshot = reloaded.client.getSnapshot()
    expect(snapshot.status === 'signedIn' && snapshot.session.accessToken).not.toBe(old)
    expect(reloaded.grants).toEqual(['refresh_token'])
  })

  it('signs out with the reason when the server rejects the refresh token', async () => {
    let time = Date.now()
    const { store, first } = await signedInBrowser(1, () => time)
    const stored = await storedSession(store)
    await store.set(sessionKey(), { ...stored, refreshToken: 'revoked-or-forged' })
    time += 10 * minute
    const thrown = await rejection(first.client.getAccessToken())
    expect(thrown.code).toBe(AuthErrorCode.LoginRequired)
    const error = thrown.cause
    expect(error).toBeInstanceOf(OAuthResponseError)
    expect((error as OAuthResponseError).error).toBe('invalid_grant')
    expect(first.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'rejected', error })
    expect(await storedSession(store)).toBeUndefined()
  })

  it('keeps the session through a network failure and hands out the still-valid token', async () => {
    let time = Date.now()
    let online = true
    const store = memoryTokenStore()
    const h = testClient(sandbox, {
      store,
      now: () => time,
      fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    })
    await h.client.handleCallback(await signInAs(h))
    const token = await h.client.getAccessToken()
    const { expiresAt = 0, issuedAt = 0 } = (await storedSession(store)) ?? {}
    online = false
    time = expiresAt - (expiresAt - issuedAt) / 20
    expect(await h.client.getAccessToken()).toBe(token)
    const snapshot = h.client.getSnapshot()
    expect(snapshot.status).toBe('signedIn')
    expect(snapshot.status === 'signedIn' && snapshot.error?.code).toBe(AuthErrorCode.NetworkError)
    time = expiresAt + 1
    expect((await rejection(h.client.getAccessToken())).code).toBe(AuthErrorCode.NetworkError)
    expect(await storedSession(store)).toBeDefined()
    online = true
    expect(await h.client.getAccessToken()).not.toBe(token)
    const recovered = h.client.getSnapshot()
    expect(recovered.status === 'signedIn' && recovered.error).toBeUndefined()
    h.client.dispose()
  })
})

describe('races', () => {
  it('a logout during a refresh stays a logout', async () => {
    let time = Date.now()
    let releaseRefresh: () => void = () => {}
    const store = memoryTokenStore()
    const tab = testClient(sandbox, {
      store,
      now: () => time,
      fetch: async (input, init) => {
        if (new URLSearchParams(String(init?.body)).get('grant_type') === 'refresh_token') {
          await new Promise<void>((resolve) => {
            releaseRefresh = resolve
          })
        }
        return fetch(input, init)
      },
    })
    await tab.client.handleCallback(await signInAs(tab))
    time += 10 * minute
    const pending = tab.client.getAccessToken()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await tab.client.logout({ endSession: false })
    releaseRefresh()
    expect((await rejection(pending)).code).toBe(AuthErrorCode.LoginRequired)
    expect(tab.client.getSnapshot()).toMatchObject({ status: 'signedOut', reason: 'logout' })
    expect(await storedSession(store)).toBeUndefined()
  })

  it('a failed callback does not hide the stored session', async () => {
    const store = memoryTokenStore()
    const first = testClient(sandbox, { store })
    await first.client.handleCallback(await signInAs(first))
    const reloaded = testClient(sandbox, { store })
    const error = await rejection(reloaded.client.handleCallback(`${appOrigin}/callback?state=forged&code=x`))
    await reloaded.client.start()
    const snapshot = reloaded.client.getSnapshot()
    expect(snapshot.status).toBe('signedIn')
    expect(snapshot.status === 'signedIn' && snapshot.error).toBe(error)
  })

  it('keeps the session and shows the error when a refresh fails with an unexpected answer', async () => {
    let time = Date.now()
    const store = memoryTokenStore()
    const first = testClient(sandbox, { store })
    await first.client.handleCallback(await signInAs(first))
    time += 60 * minute
    const reloaded = testClient(sandbox, {
      store,
      now: () => time,
      // A firewall's HTML page instead of the token endpoint's JSON.
      fetch: async (input, init) =>
        String(input).endsWith('/token')
          ? new Response('<html>Too many requests</html>', { status: 429, headers: { 'content-type': 'text/html' } })
          : fetch(input, init),
    })
    await reloaded.client.start()
    const snapshot = reloaded.client.getSnapshot()
    expect(snapshot.status).toBe('signedIn')
    // A 429 says "not now", not "no": an outage to retry (issue 10), where it once read as a malformed answer.
    expect(snapshot.status === 'signedIn' && snapshot.error?.code).toBe(AuthErrorCode.ServerError)
    reloaded.client.dispose()
  })
})

describe('across tabs', () => {
  it('a sign-in in one tab reaches the others', async () => {
    const { tabs } = browser(2)
    const [first, second] = tabs as [TestClient, TestClient]
    await second.client.start()
    expect(second.client.getSnapshot().status).toBe('signedOut')
    const signedInElsewhere = new Promise<void>((resolve) => second.client.subscribe(resolve))
    await first.client.handleCallback(await signInAs(first))
    await signedInElsewhere
    const snapshot = second.client.getSnapshot()
    expect(snapshot.status === 'signedIn' && snapshot.session.user?.sub).toBe('alice')
  })

  it('one callback URL open in two tabs completes in one of them only', async () => {
    const { tabs } = browser(2)
    const [first, second] = tabs as [TestClient, TestClient]
    const callbackUrl = await signInAs(first)
    const outcomes = await Promise.allSettled([
      first.client.handleCallback(callbackUrl),
      second.client.handleCallback(callbackUrl),
    ])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refusal = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult
    expect(refusal.reason).toMatchObject({ code: AuthErrorCode.StateUsed })
    expect(first.tokenRequests() + second.tokenRequests()).toBe(1)
  })

  it('a sign-out in one tab reaches the others', async () => {
    const { tabs, first } = await signedInBrowser(3)
    const others = tabs.slice(1)
    const signedOutElsewhere = others.map(
      (tab) =>
        new Promise<void>((resolve) =>
          tab.client.subscribe(() => tab.client.getSnapshot().status === 'signedOut' && resolve()),
        ),
    )
    await first.client.logout({ endSession: false })
    await Promise.all(signedOutElsewhere)
    for (const tab of others) expect(tab.client.getSnapshot()).toMatchObject({ status: 'signedOut', reason: 'logout' })
  })
})

describe('logout', () => {
  it('revokes the refresh token and ends the server session', async () => {
    const { store, first } = await signedInBrowser(1)
    const { refreshToken, idToken } = (await storedSession(store)) ?? {}
    await first.client.logout({ returnTo: '/' })
    expect(first.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'logout', error: undefined })
    expect(await storedSession(store)).toBeUndefined()

    const endSession = new URL(first.navigator.assigned.at(-1) ?? '')
    expect(endSession.origin + endSession.pathname).toBe(`${sandbox.paceIssuer}/protocol/openid-connect/logout`)
    expect(endSession.searchParams.get('id_token_hint')).toBe(idToken)
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${appOrigin}/`)

    const reuse = await fetch(`${sandbox.paceIssuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken ?? '',
        client_id: 'demo-spa',
      }),
    })
    expect(reuse.status).toBe(400)
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant')
  })

  it('signs out locally when the server cannot be reached', async () => {
    let online = true
    const store = memoryTokenStore()
    const h = testClient(sandbox, {
      store,
      fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    })
    await h.client.handleCallback(await signInAs(h))
    online = false
    await h.client.logout({ returnTo: '/goodbye' })
    const snapshot = h.client.getSnapshot()
    expect(snapshot).toMatchObject({ status: 'signedOut', reason: 'logout' })
    expect(snapshot.status === 'signedOut' && snapshot.error?.code).toBe(AuthErrorCode.NetworkError)
    expect(await storedSession(store)).toBeUndefined()
    expect(h.navigator.assigned.at(-1)).toBe(`${appOrigin}/goodbye`)
  })
})
