import { describe, expect, it } from 'vitest'
import { AuthError, AuthErrorCode, OAuthResponseError } from '../errors.ts'
import { type AuthSnapshot, loadingSnapshot, nextSnapshot } from '../snapshot.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import type { TokenSet } from '../tokenSet.ts'
import { clientNamespace } from './clientNamespace.ts'
import { memoryLock } from './memoryLock.ts'
import { sessionEngine } from './sessionEngine.ts'
import { sessionStore } from './sessionStore.ts'
import type { TokenSource } from './tokenSource.ts'

const minute = 60_000

/** A token source scripted by the test: each renewal waits until the test answers it. */
function scriptedSource(overrides: Partial<TokenSource> = {}) {
  const pending: { tokens: TokenSet; resolve: (next: TokenSet) => void; reject: (error: unknown) => void }[] = []
  const discarded: TokenSet[] = []
  const source: TokenSource = {
    renewable: (tokens) => tokens.refreshToken !== undefined,
    renew: (tokens) => new Promise((resolve, reject) => pending.push({ tokens, resolve, reject })),
    discard: async (tokens) => {
      discarded.push(tokens)
    },
    ...overrides,
  }
  return { source, pending, discarded }
}

/** `wake` stands for every signal of a change: a tab becoming visible, another tab's message. */
function setUp(sourceOverrides: Partial<TokenSource> = {}) {
  let wake = () => {}
  let time = 1_000_000
  const { source, pending, discarded } = scriptedSource(sourceOverrides)
  const sessions = sessionStore({
    store: memoryTokenStore(),
    names: clientNamespace('https://id.example/', 'spa'),
    channel: { post() {}, subscribe: () => () => {} },
  })
  let snapshot: AuthSnapshot = loadingSnapshot
  let ended = 0
  const engine = sessionEngine({
    store: sessions,
    source,
    lock: memoryLock(),
    lockName: 'refresh',
    now: () => time,
    snapshot: () => snapshot,
    dispatch: (event) => {
      snapshot = nextSnapshot(snapshot, event)
    },
    changes: [
      (onChange) => {
        wake = onChange
        return () => {}
      },
    ],
    ended: () => ended++,
  })
  /** A session granted now; `null` for one without a refresh token. */
  const session = (name: string, lifetime = 5 * minute, refreshToken: string | null = `rt-${name}`): TokenSet => ({
    accessToken: name,
    tokenType: 'Bearer',
    issuedAt: time,
    expiresAt: time + lifetime,
    scope: ['openid'],
    ...(refreshToken ? { refreshToken } : {}),
  })
  return {
    engine,
    sessions,
    pending,
    discarded,
    session,
    snapshot: () => snapshot,
    ended: () => ended,
    advance: (ms: number) => {
      time += ms
    },
    wake: () => wake(),
    /** Lets the engine's awaited store and lock steps run. */
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  }
}

describe('sessionEngine', () => {
  it('restores nothing, a fresh session, or an unrenewable expired one as signed out', async () => {
    const empty = setUp()
    await empty.engine.restore()
    expect(empty.snapshot()).toEqual({ status: 'signedOut', reason: 'none', error: undefined })

    const fresh = setUp()
    await fresh.sessions.write(fresh.session('a'))
    await fresh.engine.restore()
    expect(fresh.snapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'a', renewable: true } })

    const expired = setUp()
    await expired.sessions.write(expired.session('a', minute, null))
    expired.advance(2 * minute)
    await expired.engine.restore()
    expect(expired.snapshot()).toEqual({ status: 'signedOut', reason: 'expired', error: undefined })
    expect(await expired.sessions.read()).toBeUndefined()
  })

  it('takes a session the source holds when the store has none (a backend cookie session), and stores it', async () => {
    const t = setUp({ restore: async () => t.session('from-backend') })
    await t.engine.restore()
    expect(t.snapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'from-backend' } })
    expect((await t.sessions.read())?.accessToken).toBe('from-backend')
  })

  it('renews a stale token once however many callers ask at once', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    t.advance(5 * minute)
    const callers = Array.from({ length: 50 }, () => t.engine.accessToken())
    await t.settle()
    expect(t.pending).toHaveLength(1)
    t.pending[0]?.resolve(t.session('b'))
    expect(new Set(await Promise.all(callers))).toEqual(new Set(['b']))
    expect((await t.sessions.read())?.accessToken).toBe('b')
  })

  it('ends the session when the server refuses the grant, and forgets it', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    const refusal = new OAuthResponseError(
      AuthErrorCode.TokenError,
      { error: 'invalid_grant', status: 400 },
      { cause: {} },
    )
    const refresh = t.engine.refresh('a')
    await t.settle()
    t.pending[0]?.reject(refusal)
    await expect(refresh).rejects.toBe(refusal)
    expect(t.snapshot()).toEqual({ status: 'signedOut', reason: 'rejected', error: refusal })
    expect(await t.sessions.read()).toBeUndefined()
    expect(t.ended()).toBe(1)
  })

  it('keeps the session through an outage, hands out the still-valid token and shows the error', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    t.advance(4.6 * minute)
    const token = t.engine.accessToken()
    await t.settle()
    const outage = new AuthError(AuthErrorCode.NetworkError, 'offline', { cause: {} })
    t.pending[0]?.reject(outage)
    expect(await token).toBe('a')
    expect(t.snapshot()).toMatchObject({ status: 'signedIn', error: outage })
    expect((await t.sessions.read())?.accessToken).toBe('a')
    t.engine.dispose()
  })

  it('discards a renewal that a logout overtook, and stays signed out', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    const refresh = t.engine.refresh('a')
    await t.settle()
    await t.sessions.clear()
    t.engine.end('logout')
    t.pending[0]?.resolve(t.session('late'))
    await expect(refresh).rejects.toMatchObject({ code: AuthErrorCode.LoginRequired })
    expect(t.discarded.map((tokens) => tokens.accessToken)).toEqual(['late'])
    expect(await t.sessions.read()).toBeUndefined()
    expect(t.snapshot()).toMatchObject({ status: 'signedOut', reason: 'logout' })
  })

  it('does not renew a rejected token that another tab has already replaced', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    await t.sessions.write(t.session('b'))
    expect((await t.engine.refresh('a')).accessToken).toBe('b')
    expect(t.pending).toHaveLength(0)
  })

  it('follows the store: another tab’s new session is adopted, its logout ends this one', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    await t.sessions.write(t.session('b'))
    await t.engine.sync()
    expect(t.snapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'b' } })
    await t.sessions.clear()
    await t.engine.sync()
    expect(t.snapshot()).toMatchObject({ status: 'signedOut', reason: 'logout' })
    t.engine.dispose()
  })

  it('answers login_required without a session, and ends an unrenewable one at expiry', async () => {
    const t = setUp()
    await t.engine.restore()
    await expect(t.engine.accessToken()).rejects.toMatchObject({ code: AuthErrorCode.LoginRequired })
    await t.sessions.write(t.session('implicit', minute, null))
    await t.engine.sync()
    t.advance(55_000)
    expect(await t.engine.accessToken()).toBe('implicit')
    t.advance(10_000)
    await expect(t.engine.accessToken()).rejects.toMatchObject({ code: AuthErrorCode.LoginRequired })
    expect(t.snapshot()).toMatchObject({ status: 'signedOut', reason: 'expired' })
  })

  it.each([
    [
      '429 slow_down',
      new OAuthResponseError(AuthErrorCode.TokenError, { error: 'slow_down', status: 429 }, { cause: {} }),
    ],
    [
      '400 invalid_dpop_proof (clock skew)',
      new OAuthResponseError(AuthErrorCode.TokenError, { error: 'invalid_dpop_proof', status: 400 }, { cause: {} }),
    ],
    [
      '400 invalid_client',
      new OAuthResponseError(AuthErrorCode.TokenError, { error: 'invalid_client', status: 400 }, { cause: {} }),
    ],
  ])('keeps the session when renewal fails with %s: only invalid_grant ends it', async (_case, failure) => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    t.advance(4.6 * minute)
    const token = t.engine.accessToken()
    await t.settle()
    t.pending[0]?.reject(failure)
    expect(await token).toBe('a')
    expect(t.snapshot()).toMatchObject({ status: 'signedIn', error: failure })
    expect((await t.sessions.read())?.accessToken).toBe('a')
    expect(t.ended()).toBe(0)
    t.engine.dispose()
  })

  it('honours Retry-After: no renewal on demand before it, the still-valid token meanwhile', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    t.advance(4.6 * minute)
    const first = t.engine.accessToken()
    await t.settle()
    const busy = new AuthError(AuthErrorCode.ServerError, 'busy', { cause: {}, retryAfter: 20 })
    t.pending[0]?.reject(busy)
    expect(await first).toBe('a')
    t.advance(10_000)
    expect(await t.engine.accessToken()).toBe('a')
    await t.settle()
    expect(t.pending).toHaveLength(1)
    t.advance(11_000)
    const afterwards = t.engine.accessToken()
    await t.settle()
    expect(t.pending).toHaveLength(2)
    t.pending[1]?.resolve(t.session('b'))
    expect(await afterwards).toBe('b')
    t.engine.dispose()
  })

  it('honours Retry-After whatever asks: not sooner for a wake-up, nor for a caller once the token expired', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    t.engine.follow()
    t.advance(4.6 * minute)
    const first = t.engine.accessToken()
    await t.settle()
    const busy = new AuthError(AuthErrorCode.ServerError, 'busy', { cause: {}, retryAfter: 60 })
    t.pending[0]?.reject(busy)
    expect(await first).toBe('a')
    t.wake()
    await t.settle()
    expect(t.pending).toHaveLength(1)
    t.advance(0.5 * minute)
    const expired = t.engine.accessToken().catch((error: unknown) => error)
    await t.settle()
    expect(t.pending).toHaveLength(1)
    expect(await expired).toBe(busy)
    expect(t.snapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: 'a' } })
    t.advance(0.5 * minute)
    const afterwards = t.engine.accessToken()
    await t.settle()
    t.pending[1]?.resolve(t.session('b'))
    expect(await afterwards).toBe('b')
    t.engine.dispose()
  })

  it('ignores a stored renewal pause longer than any server asks for: planted, not recorded', async () => {
    const t = setUp()
    await t.sessions.write(t.session('a'))
    await t.engine.restore()
    await t.sessions.pauseRenewals(Number.MAX_SAFE_INTEGER)
    t.advance(4.6 * minute)
    const token = t.engine.accessToken()
    await t.settle()
    t.pending[0]?.resolve(t.session('b'))
    expect(await token).toBe('b')
    t.engine.dispose()
  })
})
