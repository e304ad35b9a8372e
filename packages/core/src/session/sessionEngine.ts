import { AuthError, authError, isAuthError } from '../errors.ts'
import type { AuthSnapshot, SignedOutReason, SnapshotEvent } from '../snapshot.ts'
import { toAuthError } from '../toAuthError.ts'
import type { TokenSet } from '../tokenSet.ts'
import type { AuthLock } from './authLock.ts'
import { backoffDelay } from './backoff.ts'
import { isFresh, staleAt } from './expiry.ts'
import { refusesGrant } from './refusesGrant.ts'
import type { SessionStore } from './sessionStore.ts'
import type { TokenSource } from './tokenSource.ts'

export interface SessionEngineDeps {
  readonly store: SessionStore
  readonly source: TokenSource
  readonly lock: AuthLock
  /** The cross-tab lock held around a renewal. */
  readonly lockName: string
  readonly now: () => number
  readonly snapshot: () => AuthSnapshot
  readonly dispatch: (event: SnapshotEvent) => void
  /** The session ended here: whatever waited on it (SCA challenges, a step-up) cannot complete. */
  readonly ended: () => void
  /** Signals that the stored session may have changed (another tab's message, the tab waking up). */
  readonly changes: readonly ((onChange: () => void) => () => void)[]
}

/** This tab's view of the session, kept in step with the store that all tabs share. */
export interface SessionEngine {
  /** Takes the stored session (renewing it if stale) or records that there is none. */
  restore(): Promise<void>
  /** A valid access token: renewed once however many callers ask; the stale one while the server is down. */
  accessToken(): Promise<string>
  /** Renews now; with `rejectedToken`, even a fresh-looking token, unless another tab already replaced it. */
  refresh(rejectedToken?: string): Promise<TokenSet>
  /** Makes `tokens` this tab's session (already stored). */
  adopt(tokens: TokenSet): void
  end(reason: SignedOutReason, error?: AuthError): void
  /** Another tab changed the store, or this one woke up: take what is stored. */
  sync(): Promise<void>
  /** Syncs on every signal of `changes` from now on; idempotent. */
  follow(): void
  current(): TokenSet | undefined
  dispose(): void
}

/** The longest Retry-After taken from a server (`retryAfterSeconds`' cap). */
const maxRenewalPauseMs = 86_400_000

/** Longest delay `setTimeout` honours; longer ones fire at once. */
const maxTimerDelayMs = 2 ** 31 - 1

export function sessionEngine(deps: SessionEngineDeps): SessionEngine {
  const { store, source, now, dispatch } = deps
  let tokens: TokenSet | undefined
  let refreshing: Promise<TokenSet> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  /** After a failed renewal, no new attempt on demand before this (backoff, Retry-After). */
  let retryAt = 0
  /** The server's `Retry-After`: no renewal request before `until`, whatever asks for one. */
  let serverPause: { readonly until: number; readonly failure: AuthError } | undefined
  let disposed = false
  const detachers: (() => void)[] = []
  const renewable = (current: TokenSet) => source.renewable(current, now())
  const traits = (current: TokenSet) => ({ renewable: renewable(current), persisted: store.persistent() })

  function adopt(next: TokenSet, type: 'session' | 'restored' = 'session'): void {
    tokens = next
    failures = 0
    retryAt = 0
    serverPause = undefined
    dispatch({ type, tokens: next, ...traits(next) })
    schedule(next)
  }

  function end(reason: SignedOutReason, error?: AuthError): void {
    tokens = undefined
    clearTimeout(timer)
    dispatch({ type: 'ended', reason, error })
    deps.ended()
  }

  /** Refreshes when the token turns stale; without a way to renew, signs out when it expires. */
  function schedule(current: TokenSet, delay?: number): void {
    clearTimeout(timer)
    if (disposed) return
    const due = delay ?? (renewable(current) ? staleAt(current) : current.expiresAt) - now()
    timer = setTimeout(() => void check(), Math.min(maxTimerDelayMs, Math.max(0, due)))
    // In Node (SSR, tests) a pending refresh must not keep the process alive.
    ;(timer as { unref?: () => void }).unref?.()
  }

  async function check(): Promise<void> {
    const current = tokens
    if (!current) return
    // The timer fired early (clamped delay, clock moved back): keep watching.
    if (isFresh(current, now())) return schedule(current)
    // Woken (a visible tab, another tab's message) while the server asked for a pause: wait it out.
    if (serverPause && now() < serverPause.until) return schedule(current, serverPause.until - now())
    if (renewable(current)) await refresh().catch(() => {})
    else if (current.expiresAt <= now()) {
      await store.forget().catch(() => {})
      end('expired')
    }
  }

  async function restore(): Promise<void> {
    const sourceFirst = source.restoreFirst?.() === true
    let stored = sourceFirst ? undefined : await store.read()
    if (!stored && source.restore) {
      stored = await source.restore()
      // Stored, every tab takes it; none, and what the store holds is the ended session's.
      if (stored) await store.write(stored)
      else if (sourceFirst) await store.clear()
    }
    // A callback that finished first has the newer truth; one that failed has not replaced the session.
    if (deps.snapshot().status === 'signedIn') return
    if (!stored) return dispatch({ type: 'nothingRestored', reason: 'none' })
    if (isFresh(stored, now()) || (!renewable(stored) && now() < stored.expiresAt)) return adopt(stored, 'restored')
    if (!renewable(stored)) {
      await store.forget()
      return dispatch({ type: 'nothingRestored', reason: 'expired' })
    }
    tokens = stored
    // A failure is in the snapshot by now; a transient one keeps the session and retries.
    await refresh().catch(() => {})
  }

  async function accessToken(): Promise<string> {
    const current = tokens
    if (!current) {
      throw authError('login_required', 'There is no session; sign in first', {
        status: deps.snapshot().status,
      })
    }
    // Fresh, or stale while a failed renewal waits for its retry: the token still works.
    if (isFresh(current, now()) || (retryAt > now() && now() < current.expiresAt)) return current.accessToken
    if (!renewable(current)) {
      if (now() < current.expiresAt) return current.accessToken
      await store.forget()
      end('expired')
      throw authError('login_required', 'The session has expired; sign in again', {
        expiresAt: current.expiresAt,
      })
    }
    try {
      return (await refresh()).accessToken
    } catch (error) {
      // Stale is not expired: while renewal fails for any reason but a refused grant, the old token still works.
      const kept = tokens
      if (kept && now() < kept.expiresAt && !refusesGrant(error) && (error as AuthError).code !== 'login_required') {
        return kept.accessToken
      }
      // The session is over (refused, revoked, signed out meanwhile): the snapshot says why.
      if (deps.snapshot().status === 'signedOut') {
        throw authError('login_required', 'The session has ended; sign in again', error)
      }
      throw error
    }
  }

  function refresh(rejectedToken?: string): Promise<TokenSet> {
    // An expired token or a 401 does not shorten the server's Retry-After: its answer stands till then.
    if (!refreshing && serverPause && now() < serverPause.until) return Promise.reject(serverPause.failure)
    refreshing ??= refreshUnderLock(rejectedToken).finally(() => {
      refreshing = undefined
    })
    return refreshing
  }

  async function refreshUnderLock(rejectedToken: string | undefined): Promise<TokenSet> {
    try {
      const next = await deps.lock.run(deps.lockName, () => renewStored(rejectedToken))
      adopt(next)
      return next
    } catch (error) {
      const failure = toAuthError(error, 'invalid_response', 'Refreshing the session failed')
      await settle(failure)
      throw failure
    }
  }

  /** Runs under the lock: another tab may have refreshed, or signed out, while this one waited. */
  async function renewStored(rejectedToken: string | undefined): Promise<TokenSet> {
    const stored = await store.read()
    if (!stored) {
      throw authError('login_required', 'The session was ended in another tab', {
        reason: 'signed out elsewhere',
      })
    }
    if (isFresh(stored, now()) && stored.accessToken !== rejectedToken) return stored
    if (!renewable(stored)) {
      throw authError('login_required', 'The session has expired and cannot be renewed', {
        refreshExpiresAt: stored.refreshExpiresAt,
      })
    }
    await waitOutRenewalPause()
    let renewed: TokenSet
    try {
      renewed = await source.renew(stored)
    } catch (error) {
      // Forget the refused session, unless a logout or a new sign-in already replaced it.
      if (refusesGrant(error)) await store.clearIf(stored)
      // Every tab waits as the server asked: recorded before the lock passes to the next one.
      else if (isAuthError(error) && error.retryAfter) {
        await store.pauseRenewals(now() + error.retryAfter * 1000).catch(() => {})
      }
      throw error
    }
    // A logout (or a new sign-in) while the request ran must not be undone.
    if (!(await store.replace(stored, renewed))) {
      void source.discard(renewed).catch(() => {})
      throw authError('login_required', 'The session ended while it was being refreshed', {
        reason: 'replaced during refresh',
      })
    }
    return renewed
  }

  /** Another tab's answer still holds: the server's Retry-After is every tab's. */
  async function waitOutRenewalPause(): Promise<void> {
    const until = await store.renewalPause()
    const left = until - now()
    // Longer than any Retry-After we take (a day) is no pause we recorded.
    if (left <= 0 || left > maxRenewalPauseMs) return
    throw new AuthError('server_error', 'The server asked to wait before the next renewal', {
      cause: { pausedUntil: until },
      retryAfter: Math.ceil(left / 1000),
    })
  }

  async function settle(failure: AuthError): Promise<void> {
    if (refusesGrant(failure)) {
      // After a logout here there is nothing left to end (the refusal may be that logout's revocation).
      if (tokens) end('rejected', failure)
    } else if (failure.code === 'login_required') {
      const stored = await store.read().catch(() => undefined)
      // A new sign-in may have replaced the session meanwhile: take it rather than sign out.
      if (stored && stored.accessToken !== tokens?.accessToken) adopt(stored)
      else if (tokens) end(tokens.refreshExpiresAt !== undefined ? 'expired' : 'logout')
    } else if (tokens) {
      // Outages, rate limits and failures that say nothing about the tokens (a 502 page at
      // discovery, a storage hiccup): keep the session, show the error, retry later, never
      // sooner than the server's Retry-After.
      failures++
      const delay = Math.max(backoffDelay(failures), (failure.retryAfter ?? 0) * 1000)
      retryAt = now() + delay
      if (failure.retryAfter) serverPause = { until: now() + failure.retryAfter * 1000, failure }
      dispatch({ type: 'sessionKept', tokens, ...traits(tokens), error: failure })
      schedule(tokens, delay)
    }
  }

  async function sync(): Promise<void> {
    if (deps.snapshot().status === 'loading') return
    const stored = await store.read()
    if (!stored) {
      if (tokens) end('logout')
      return
    }
    if (stored.accessToken !== tokens?.accessToken) adopt(stored)
    await check()
  }

  return {
    restore,
    accessToken,
    refresh,
    adopt,
    end,
    sync,
    current: () => tokens,
    follow() {
      if (detachers.length > 0) return
      for (const signal of deps.changes) detachers.push(signal(() => void sync().catch(() => {})))
    },
    dispose() {
      disposed = true
      clearTimeout(timer)
      for (const detach of detachers.splice(0)) detach()
    },
  }
}
