import { authError } from '../errors.ts'
import type { TokenStore } from '../storage/tokenStore.ts'
import type { TokenSet } from '../tokenSet.ts'
import type { ClientNamespace } from './clientNamespace.ts'
import type { LoginTransaction } from './loginTransaction.ts'
import type { SessionChannel } from './sessionChannel.ts'
import { isLoginTransaction, isTime, isTokenSet } from './storedRecords.ts'

/** One client's records in the token store, shared by the origin's tabs. */
export interface SessionStore {
  read(): Promise<TokenSet | undefined>
  /** Whether the session survives a reload (false when only memory holds it). */
  persistent(): boolean
  /** Stores the session and tells the other tabs. */
  write(tokens: TokenSet): Promise<void>
  /** Forgets the session and tells the other tabs. */
  clear(): Promise<void>
  /** Forgets an expired session without telling: every tab ends it on its own clock. */
  forget(): Promise<void>
  /**
   * Stores `next` only if the session is still `expected` (same access token), so a logout or a new
   * sign-in that happened meanwhile is not undone. False when it was not.
   */
  replace(expected: TokenSet, next: TokenSet): Promise<boolean>
  /** Forgets the session only if it is still `expected`. */
  clearIf(expected: TokenSet): Promise<void>
  /** Until when (epoch ms) the server asked every tab to wait before renewing; 0 when it did not. */
  renewalPause(): Promise<number>
  /** Records the server's Retry-After, so that no tab renews before `until`. */
  pauseRenewals(until: number): Promise<void>
  saveLogin(transaction: LoginTransaction): Promise<void>
  /** The pending sign-in `state` names, as it is, or undefined. */
  peekLogin(state: string): Promise<LoginTransaction | undefined>
  /** The pending sign-in `state` names, marked used; a typed error when there is none to use. */
  claimLogin(state: string, now: number): Promise<LoginTransaction>
  /** Deletes pending sign-ins that can no longer complete. */
  sweepLogins(now: number): Promise<void>
}

export interface SessionStoreDeps {
  readonly store: TokenStore
  readonly names: ClientNamespace
  readonly channel: SessionChannel
}

export function sessionStore({ store, names, channel }: SessionStoreDeps): SessionStore {
  const changed = () => channel.post({ type: 'sessionChanged' })
  /** What the store holds, checked: a malformed record is dropped, with a typed error saying so. */
  async function checked<T>(key: string, isValid: (value: unknown) => value is T): Promise<T | undefined> {
    const value = await store.get<unknown>(key)
    if (value === undefined || isValid(value)) return value
    await store.delete(key)
    throw authError('invalid_stored_record', 'A malformed record in the token store was dropped', { key })
  }
  const read = () => checked(names.sessionKey, isTokenSet)
  const isStill = async (expected: TokenSet) => (await read())?.accessToken === expected.accessToken

  return {
    read,
    persistent: () => store.persistent !== false,
    async write(tokens) {
      await store.set(names.sessionKey, tokens)
      changed()
    },
    async clear() {
      await store.delete(names.sessionKey)
      changed()
    },
    forget: () => store.delete(names.sessionKey),
    async replace(expected, next) {
      if (!(await isStill(expected))) return false
      await store.set(names.sessionKey, next)
      changed()
      return true
    },
    async clearIf(expected) {
      if (!(await isStill(expected))) return
      await store.delete(names.sessionKey)
      changed()
    },
    renewalPause: async () => (await checked(names.renewalPauseKey, isTime)) ?? 0,
    pauseRenewals: (until) => store.set(names.renewalPauseKey, until),
    saveLogin: (transaction) => store.set(names.loginKey(transaction.state), transaction),
    // A look only: a malformed record is left for claimLogin to drop and report.
    async peekLogin(state) {
      const transaction = await store.get<unknown>(names.loginKey(state)).catch(() => undefined)
      return isLoginTransaction(transaction) ? transaction : undefined
    },
    async claimLogin(state, now) {
      const key = names.loginKey(state)
      const transaction = state ? await checked(key, isLoginTransaction) : undefined
      if (!transaction) {
        throw authError(
          'state_mismatch',
          store.persistent === false
            ? 'The callback matches no sign-in here: forged, or lost in a redirect, as this browser keeps no storage across pages (use loginWithPopup)'
            : 'The callback matches no sign-in started in this browser; it may be forged',
          { state },
        )
      }
      if (transaction.usedAt !== undefined) {
        throw authError('state_used', 'This sign-in was already completed; the callback was replayed', {
          state,
          usedAt: transaction.usedAt,
        })
      }
      if (transaction.expiresAt <= now) {
        await store.delete(key)
        throw authError('state_expired', 'This sign-in took too long; sign in again', {
          state,
          expiresAt: transaction.expiresAt,
        })
      }
      // Claimed before any network call, so a replay cannot race this one.
      await store.set(key, { ...transaction, usedAt: now } satisfies LoginTransaction)
      return transaction
    },
    async sweepLogins(now) {
      for (const key of await store.keys()) {
        if (!key.startsWith(names.loginPrefix)) continue
        const transaction = await store.get<unknown>(key)
        if (!isLoginTransaction(transaction) || transaction.expiresAt <= now) await store.delete(key)
      }
    },
  }
}
