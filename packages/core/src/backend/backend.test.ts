import { expect, it, vi } from 'vitest'
import { createAuthClient } from '../authClient.ts'
import { memoryLock } from '../session/memoryLock.ts'
import { stepUp } from '../stepUp/stepUp.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import { recordingNavigator, sessionChannelHub } from '../testing.ts'
import { backend } from './backend.ts'

const appOrigin = 'http://127.0.0.1:5173'
const tokenLifetimeMs = 300_000

/**
 * A page of the app whose client signs in through the backend at `/bff`, on test doubles (memory
 * store and lock, its own channel, no wake events); a test sets what it is about.
 */
function backendClient(
  options: Partial<Omit<Parameters<typeof createAuthClient>[0], 'provider' | 'clientId' | 'redirectUri'>>,
) {
  return createAuthClient({
    provider: backend({ url: `${appOrigin}/bff` }),
    store: memoryTokenStore(),
    lock: memoryLock(),
    channel: sessionChannelHub().channel(),
    navigator: recordingNavigator(`${appOrigin}/`),
    wakeEvents: () => () => {},
    ...options,
  })
}

/**
 * A backend-for-frontend that has signed alice in: one access token, valid 5 minutes on the
 * backend's clock, handed out until the backend renews it. Answers carry the backend's `Date`.
 */
function signedInBackend(start: number) {
  const backendClock = { now: start }
  let tokenRequests = 0
  const fetch = async (input: string | URL | Request) => {
    const headers = { 'content-type': 'application/json', date: new Date(backendClock.now).toUTCString() }
    if (new URL(String(input)).pathname === '/bff/session') {
      return Response.json({ signedIn: true, user: { sub: 'alice' } }, { headers })
    }
    tokenRequests++
    return Response.json(
      { accessToken: 'token-1', tokenType: 'Bearer', expiresAt: start + tokenLifetimeMs, scope: ['openid'] },
      { headers },
    )
  }
  return { backendClock, fetch, tokenRequests: () => tokenRequests }
}

it('reads expiry times on the backend’s clock: a browser clock ahead of it does not ask again and again', async () => {
  const start = Date.now()
  const browserAheadMs = 60_000
  const bff = signedInBackend(start)
  const auth = backendClient({
    fetch: bff.fetch,
    now: () => bff.backendClock.now + browserAheadMs,
  })
  await auth.start()
  expect(bff.tokenRequests()).toBe(1)

  // 50 s left on the backend's clock: still fresh there, though past its expiry on the browser's.
  bff.backendClock.now = start + tokenLifetimeMs - 50_000
  for (let call = 0; call < 3; call++) expect(await auth.getAccessToken()).toBe('token-1')
  expect(bff.tokenRequests()).toBe(1)
  auth.dispose()
})

it('a sign-in without a user (a bank intent, no ID token) is a session, not a malformed record', async () => {
  const start = Date.now()
  const headers = { 'content-type': 'application/json', date: new Date(start).toUTCString() }
  const intent = { id: 'intent-1', type: 'payments' }
  const store = memoryTokenStore()
  const fetch = async (input: string | URL | Request) =>
    new URL(String(input)).pathname === '/bff/session'
      ? // @payauth/server's view of a sign-in without ID token: an empty user, beside the intent.
        Response.json({ signedIn: true, user: {}, intent }, { headers })
      : Response.json(
          { accessToken: 'token-1', tokenType: 'Bearer', expiresAt: start + tokenLifetimeMs, scope: ['payments'] },
          { headers },
        )
  const options = {
    provider: backend({ url: `${appOrigin}/bff` }),
    fetch,
    store,
    lock: memoryLock(),
    channel: sessionChannelHub().channel(),
    navigator: recordingNavigator(`${appOrigin}/`),
    wakeEvents: () => () => {},
  }
  const auth = createAuthClient(options)
  await auth.start()
  auth.dispose()

  // A reload reads the stored session back: it must pass the store's checks.
  const reloaded = createAuthClient(options)
  await reloaded.start()
  const snapshot = reloaded.getSnapshot()
  if (snapshot.status !== 'signedIn') throw new Error(`expected a session, got ${snapshot.status}`)
  expect(snapshot.error).toBeUndefined()
  expect(snapshot.session.intent).toEqual(intent)
  expect(snapshot.session.user).toBeUndefined()
  reloaded.dispose()
})

/**
 * A backend that keeps alice's session until it hears a logout; `reachable` false makes its
 * logout route fail as a dropped connection would. Counts what each route was asked.
 */
function loggingOutBackend() {
  const state = { signedIn: true, reachable: true, asked: { session: 0, logout: 0 } }
  const fetch = async (input: string | URL | Request) => {
    const start = Date.now()
    const headers = { 'content-type': 'application/json', date: new Date(start).toUTCString() }
    const route = new URL(String(input)).pathname
    if (route === '/bff/logout') {
      state.asked.logout++
      if (!state.reachable) throw new TypeError('Failed to fetch')
      state.signedIn = false
      return Response.json({ logoutUrl: `${appOrigin}/` }, { headers })
    }
    if (route === '/bff/session') {
      state.asked.session++
      return Response.json(state.signedIn ? { signedIn: true, user: { sub: 'alice' } } : { signedIn: false }, {
        headers,
      })
    }
    if (!state.signedIn) return Response.json({ error: 'no_session' }, { status: 401, headers })
    return Response.json(
      { accessToken: 'token-1', tokenType: 'Bearer', expiresAt: start + tokenLifetimeMs, scope: ['openid'] },
      { headers },
    )
  }
  return { state, fetch }
}

/** A page of the app: a new client on the same browser storage, as a reload makes one. */
function backendPage(fetch: ReturnType<typeof loggingOutBackend>['fetch'], store = memoryTokenStore()) {
  const navigator = recordingNavigator(`${appOrigin}/`)
  const auth = backendClient({
    fetch,
    store,
    navigator,
  })
  return { auth, navigator, store }
}

it('a sign-out the backend did not hear is sent again on the next page, which restores no session meanwhile', async () => {
  const bff = loggingOutBackend()
  const page = backendPage(bff.fetch)
  await page.auth.start()
  expect(page.auth.getSnapshot().status).toBe('signedIn')

  bff.state.reachable = false
  await page.auth.logout()
  const signedOut = page.auth.getSnapshot()
  if (signedOut.status !== 'signedOut') throw new Error(`expected signed out, got ${signedOut.status}`)
  expect(signedOut.error?.code).toBe('network_error')
  page.auth.dispose()

  // Reloaded while the backend is still out of reach: signed out, not signed back in by its session.
  const stillOut = backendPage(bff.fetch, page.store)
  await stillOut.auth.start()
  expect(stillOut.auth.getSnapshot().status).toBe('signedOut')
  expect(bff.state.asked).toEqual({ session: 1, logout: 2 })
  stillOut.auth.dispose()

  // Reloaded once it is back: the owed sign-out lands, and only then is the backend asked for a session.
  bff.state.reachable = true
  const back = backendPage(bff.fetch, page.store)
  await back.auth.start()
  expect(back.auth.getSnapshot().status).toBe('signedOut')
  expect(bff.state).toMatchObject({ signedIn: false, asked: { session: 1, logout: 3 } })
  back.auth.dispose()

  const later = backendPage(bff.fetch, page.store)
  await later.auth.start()
  expect(later.auth.getSnapshot().status).toBe('signedOut')
  expect(bff.state.asked).toEqual({ session: 2, logout: 3 })
  later.auth.dispose()
})

it('signing in again sets aside a sign-out still owed: the new session is restored', async () => {
  const bff = loggingOutBackend()
  const page = backendPage(bff.fetch)
  await page.auth.start()
  bff.state.reachable = false
  await page.auth.logout()
  page.auth.dispose()

  const signIn = backendPage(bff.fetch, page.store)
  await signIn.auth.start()
  await signIn.auth.login()
  expect(signIn.navigator.assigned).toHaveLength(1)
  signIn.auth.dispose()

  // The backend completed that sign-in (its session is alice's again): the next page restores it.
  const afterSignIn = backendPage(bff.fetch, page.store)
  await afterSignIn.auth.start()
  expect(afterSignIn.auth.getSnapshot().status).toBe('signedIn')
  afterSignIn.auth.dispose()
})

/**
 * A backend that signed alice in to `payments` and an API behind it that asks, by RFC 9470
 * challenge, for `challenge`: more scope, or a stronger sign-in.
 */
function steppingUpBackend(challenge: string) {
  return async (input: string | URL | Request) => {
    const headers = { 'content-type': 'application/json', date: new Date().toUTCString() }
    const route = new URL(String(input)).pathname
    if (route === '/api/pay') return new Response(null, { status: 403, headers: { 'www-authenticate': challenge } })
    if (route === '/bff/session') return Response.json({ signedIn: true, user: { sub: 'alice' } }, { headers })
    return Response.json(
      {
        accessToken: 'token-1',
        tokenType: 'Bearer',
        expiresAt: Date.now() + tokenLifetimeMs,
        scope: ['openid', 'payments'],
      },
      { headers },
    )
  }
}

function steppingUpPage(challenge: string) {
  const navigator = recordingNavigator(`${appOrigin}/`)
  const auth = backendClient({
    fetch: steppingUpBackend(challenge),
    stepUp: stepUp({ scopes: ['openid', 'payments', 'payments:write'] }),
    navigator,
  })
  return { auth, navigator }
}

it('a sign-in for scope or authorization details the backend would not ask for is refused, not started without them', async () => {
  const { auth, navigator } = steppingUpPage('Bearer error="insufficient_scope", scope="payments:write"')
  await auth.start()

  // The backend sends its own scope: a step-up for more would sign in to the same, and fail again.
  await expect(auth.fetch('/api/pay')).rejects.toMatchObject({ code: 'step_up_required' })
  await expect(auth.stepUp()).rejects.toMatchObject({ code: 'invalid_config', cause: { scope: ['payments:write'] } })
  await expect(auth.login({ scope: ['openid', 'payments:write'] })).rejects.toMatchObject({ code: 'invalid_config' })
  await expect(
    auth.login({ authorizationDetails: [{ type: 'payment_initiation', instructedAmount: '9.99' }] }),
  ).rejects.toMatchObject({ code: 'invalid_config' })
  expect(navigator.assigned).toEqual([])

  // What the client and the session already have is what the backend asks for anyway.
  await auth.login({ scope: ['openid', 'payments'] })
  expect(navigator.assigned.map((url) => new URL(url).pathname)).toEqual(['/bff/login'])
  auth.dispose()
})

it('a step-up for a stronger sign-in through the backend keeps the session’s scope and asks for the acr', async () => {
  const { auth, navigator } = steppingUpPage('Bearer error="insufficient_user_authentication", acr_values="sca"')
  await auth.start()
  await expect(auth.fetch('/api/pay')).rejects.toMatchObject({ code: 'step_up_required' })
  await auth.stepUp()
  const [login] = navigator.assigned.map((url) => new URL(url))
  expect(login?.pathname).toBe('/bff/login')
  expect(login?.searchParams.get('acr_values')).toBe('sca')
  auth.dispose()
})

it('says why the backend sent the user back without a session: a step-up the provider ignored, any other failure', async () => {
  for (const [payauthError, code] of [
    ['step_up_not_met', 'step_up_not_met'],
    ['login_state_mismatch', 'authorization_error'],
  ] as const) {
    const navigator = recordingNavigator(`${appOrigin}/statements?payauthError=${payauthError}`)
    const auth = backendClient({
      fetch: async () => Response.json({ signedIn: false }, { headers: { 'content-type': 'application/json' } }),
      navigator,
    })
    await expect(auth.start()).rejects.toMatchObject({ code, error: payauthError })
    expect(auth.getSnapshot()).toMatchObject({ status: 'error', error: { code } })
    // Said once: the address bar no longer carries it.
    expect(navigator.currentUrl()).toBe(`${appOrigin}/statements`)
    auth.dispose()
  }
})

/** One tab's `sessionStorage`: what the backend client marks before it leaves for a sign-in. */
function tabStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

it('after a step-up through the backend, the tab that went takes the new session, and the other tabs follow without signing out', async () => {
  let token = 'token-basic'
  const fetch = async (input: string | URL | Request) => {
    const headers = { 'content-type': 'application/json', date: new Date().toUTCString() }
    if (new URL(String(input)).pathname === '/bff/session') {
      return Response.json({ signedIn: true, user: { sub: 'alice' } }, { headers })
    }
    return Response.json(
      { accessToken: token, tokenType: 'Bearer', expiresAt: Date.now() + tokenLifetimeMs, scope: ['openid'] },
      { headers },
    )
  }
  const store = memoryTokenStore()
  const hub = sessionChannelHub()
  const wakeUps: (() => void)[] = []
  const tab = (url: string) =>
    backendClient({
      fetch,
      store,
      channel: hub.channel(),
      navigator: recordingNavigator(url),
      wakeEvents: (onWake) => {
        wakeUps.push(onWake)
        return () => {}
      },
    })
  vi.stubGlobal('sessionStorage', tabStorage())
  try {
    const other = tab(`${appOrigin}/`)
    await other.start()
    const leaving = tab(`${appOrigin}/statements`)
    await leaving.start()
    await leaving.login({ params: { acr_values: 'strong' } })
    leaving.dispose()
    // While the user is at the provider, the other tab, woken, keeps the session it has.
    wakeUps[0]?.()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(other.getSnapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'token-basic' } })

    // The backend completed the stronger sign-in: the tab comes back to its new session, and tells the others.
    token = 'token-strong'
    const back = tab(`${appOrigin}/statements`)
    await back.start()
    expect(await back.getAccessToken()).toBe('token-strong')
    await vi.waitFor(() => expect(other.getSnapshot()).toMatchObject({ session: { accessToken: 'token-strong' } }))

    // A later page in that tab reads the store again, as any page does.
    const later = tab(`${appOrigin}/statements`)
    await later.start()
    expect(await later.getAccessToken()).toBe('token-strong')
    for (const client of [other, back, later]) client.dispose()
  } finally {
    vi.unstubAllGlobals()
  }
})

it('a step-up the provider ignored keeps the user signed in, with step_up_not_met beside the session', async () => {
  vi.stubGlobal('sessionStorage', tabStorage())
  try {
    const bff = signedInBackend(Date.now())
    const tab = (url: string) =>
      backendClient({
        fetch: bff.fetch,
        navigator: recordingNavigator(url),
      })
    const leaving = tab(`${appOrigin}/statements`)
    await leaving.start()
    await leaving.login({ params: { acr_values: 'strong' } })
    leaving.dispose()

    const back = tab(`${appOrigin}/statements?payauthError=step_up_not_met`)
    await expect(back.start()).rejects.toMatchObject({ code: 'step_up_not_met' })
    await vi.waitFor(() =>
      expect(back.getSnapshot()).toMatchObject({ status: 'signedIn', error: { code: 'step_up_not_met' } }),
    )
    back.dispose()
  } finally {
    vi.unstubAllGlobals()
  }
})
