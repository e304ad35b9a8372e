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
