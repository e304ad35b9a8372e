import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type AuthClient, createAuthClient } from './authClient.ts'
import { AuthErrorCode } from './errors.ts'
import { pace } from './providers/pace.ts'
import { memoryLock } from './session/memoryLock.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'
import { recordingNavigator } from './testing.ts'
import type { TokenSet } from './tokenSet.ts'

// The server is scripted at the fetch boundary so that fake timers drive every clock here.
const issuer = 'https://id.example.com/auth/realms/pace'
const tokenEndpoint = `${issuer}/protocol/openid-connect/token`
const minute = 60_000

type TokenReply = () => Response

function scriptedServer(replies: TokenReply[]) {
  const refreshTokensPresented: string[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: tokenEndpoint,
      })
    }
    if (url === tokenEndpoint) {
      refreshTokensPresented.push(new URLSearchParams(String(init?.body)).get('refresh_token') ?? '')
      const reply = replies.shift()
      if (!reply) throw new Error('no scripted reply left')
      return reply()
    }
    throw new Error(`unexpected request to ${url}`)
  }
  return { fetch, refreshTokensPresented }
}

const granted = (accessToken: string, refreshToken: string) => () =>
  Response.json({ access_token: accessToken, token_type: 'Bearer', expires_in: 300, refresh_token: refreshToken })
const offline = () => {
  throw new TypeError('Failed to fetch')
}
const outage = () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })

async function signedInClient(replies: TokenReply[], wake?: { fire: () => void }, withRefreshToken = true) {
  const server = scriptedServer(replies)
  const store = memoryTokenStore()
  const session: TokenSet = {
    accessToken: 'at-0',
    tokenType: 'Bearer',
    issuedAt: Date.now(),
    expiresAt: Date.now() + 5 * minute,
    scope: ['openid'],
    ...(withRefreshToken ? { refreshToken: 'rt-0' } : {}),
  }
  await store.set(`payauth:${issuer}:demo-spa:session`, session)
  const client = createAuthClient({
    provider: pace({ issuer }),
    clientId: 'demo-spa',
    redirectUri: 'https://app.example/callback',
    navigator: recordingNavigator('https://app.example/'),
    store,
    fetch: server.fetch,
    lock: memoryLock(),
    channel: { post() {}, subscribe: () => () => {} },
    wakeEvents: (onWake) => {
      if (wake) wake.fire = onWake
      return () => {}
    },
  })
  await client.start()
  return { client, server }
}

function accessToken(client: AuthClient): string | undefined {
  const snapshot = client.getSnapshot()
  return snapshot.status === 'signedIn' ? snapshot.session.accessToken : undefined
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('proactive refresh', () => {
  it('refreshes on its own shortly before expiry, with no caller', async () => {
    const { client, server } = await signedInClient([granted('at-1', 'rt-1'), granted('at-2', 'rt-2')])
    await vi.advanceTimersByTimeAsync(4 * minute)
    expect(accessToken(client)).toBe('at-0')
    await vi.advanceTimersByTimeAsync(31_000)
    expect(accessToken(client)).toBe('at-1')
    await vi.advanceTimersByTimeAsync(5 * minute)
    expect(accessToken(client)).toBe('at-2')
    expect(server.refreshTokensPresented).toEqual(['rt-0', 'rt-1'])
    client.dispose()
  })

  it('refreshes when a throttled background tab wakes up', async () => {
    const wake = { fire: () => {} }
    const { client, server } = await signedInClient([granted('at-1', 'rt-1')], wake)
    client.dispose() // stands for a throttled tab: its timer never fires
    vi.setSystemTime(Date.now() + 10 * minute)
    expect(accessToken(client)).toBe('at-0')
    wake.fire()
    await vi.advanceTimersByTimeAsync(0)
    expect(accessToken(client)).toBe('at-1')
    expect(server.refreshTokensPresented).toEqual(['rt-0'])
  })
})

describe('refresh failures', () => {
  it('retries with growing delays while offline, then recovers', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const { client, server } = await signedInClient([offline, offline, outage, granted('at-1', 'rt-1')])
    await vi.advanceTimersByTimeAsync(4.5 * minute)
    const failed = client.getSnapshot()
    expect(failed.status === 'signedIn' && failed.error?.code).toBe(AuthErrorCode.NetworkError)
    expect(server.refreshTokensPresented).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000) // first retry after 1 s
    expect(server.refreshTokensPresented).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_999) // second retry after 2 s
    expect(server.refreshTokensPresented).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.refreshTokensPresented).toHaveLength(3)
    const outageSnapshot = client.getSnapshot()
    expect(outageSnapshot.status === 'signedIn' && outageSnapshot.error?.code).toBe(AuthErrorCode.ServerError)
    await vi.advanceTimersByTimeAsync(4_000) // third retry after 4 s
    expect(accessToken(client)).toBe('at-1')
    const recovered = client.getSnapshot()
    expect(recovered.status === 'signedIn' && recovered.error).toBeUndefined()
    // The same refresh token was retried only because no answer ever came back for it.
    expect(server.refreshTokensPresented).toEqual(['rt-0', 'rt-0', 'rt-0', 'rt-0'])
    client.dispose()
  })

  it('signs out at expiry when there is no refresh token', async () => {
    const { client, server } = await signedInClient([], undefined, false)
    await vi.advanceTimersByTimeAsync(5 * minute - 1)
    expect(accessToken(client)).toBe('at-0')
    await vi.advanceTimersByTimeAsync(1)
    expect(client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'expired', error: undefined })
    expect(server.refreshTokensPresented).toEqual([])
    client.dispose()
  })
})
