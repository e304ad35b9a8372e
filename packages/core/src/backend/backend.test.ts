import { expect, it } from 'vitest'
import { createAuthClient } from '../authClient.ts'
import { memoryLock } from '../session/memoryLock.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import { recordingNavigator, sessionChannelHub } from '../testing.ts'
import { backend } from './backend.ts'

const appOrigin = 'http://127.0.0.1:5173'
const tokenLifetimeMs = 300_000

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
  const auth = createAuthClient({
    provider: backend({ url: `${appOrigin}/bff` }),
    fetch: bff.fetch,
    now: () => bff.backendClock.now + browserAheadMs,
    store: memoryTokenStore(),
    lock: memoryLock(),
    channel: sessionChannelHub().channel(),
    navigator: recordingNavigator(`${appOrigin}/`),
    wakeEvents: () => () => {},
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
