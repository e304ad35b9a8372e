import { createStore, del, get, update } from 'idb-keyval'
import type { AuthLock } from './authLock.ts'

interface Lease {
  readonly holder: string
  readonly until: number
}

/** Options of `leaseLock()`. */
export interface LeaseLockOptions {
  /** The IndexedDB database the leases are kept in; `payauth-locks` by default. Tabs share locks within one. */
  readonly databaseName?: string
  /**
   * A holder that dies keeps the lease this long at most, in milliseconds; 15 000 by default. A
   * live holder renews it every third of that, however long its task runs.
   */
  readonly leaseMs?: number
  /** How often a waiting tab tries again, in milliseconds; 50 by default. */
  readonly pollMs?: number
  /** The clock leases are dated by, epoch milliseconds; `Date.now` by default. Tests pass a fake one. */
  readonly now?: () => number
}

/**
 * A cross-tab lock for browsers without Web Locks (Safari before 15.4), built on IndexedDB: its
 * read-write transactions on one store run one at a time across tabs, so taking a lease with
 * `update` is an atomic compare-and-set. The holder renews its lease while its task runs; a
 * crashed holder's lease lapses after `leaseMs`. The client picks it by itself where Web Locks
 * are missing; the database opens on first use.
 * @example
 * ```ts
 * const auth = createAuthClient({ ...options, lock: leaseLock({ databaseName: 'my-app-locks' }) })
 * ```
 */
export function leaseLock(options: LeaseLockOptions = {}): AuthLock {
  const leaseMs = options.leaseMs ?? 15_000
  const pollMs = options.pollMs ?? 50
  const now = options.now ?? Date.now
  let store: ReturnType<typeof createStore> | undefined
  const open = () => {
    store ??= createStore(options.databaseName ?? 'payauth-locks', 'leases')
    return store
  }

  async function acquire(name: string, holder: string): Promise<void> {
    for (;;) {
      let taken = false
      await update<Lease>(
        name,
        (current) => {
          if (current && current.holder !== holder && current.until > now()) return current
          taken = true
          return { holder, until: now() + leaseMs }
        },
        open(),
      )
      if (taken) return
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  function renew(name: string, holder: string): Promise<void> {
    // Only while holding: the interval stops before release, so `current` is this holder's lease.
    return update<Lease>(
      name,
      (current) => (current?.holder === holder ? { holder, until: now() + leaseMs } : (current as Lease)),
      open(),
    )
  }

  async function release(name: string, holder: string): Promise<void> {
    const current = await get<Lease>(name, open())
    if (current?.holder === holder) await del(name, open())
  }

  return {
    async run(name, task) {
      const holder = crypto.randomUUID()
      await acquire(name, holder)
      // A live holder keeps its lease however long the task takes; only a dead one lets it lapse.
      const renewal = setInterval(() => void renew(name, holder).catch(() => {}), leaseMs / 3)
      try {
        return await task()
      } finally {
        clearInterval(renewal)
        await release(name, holder)
      }
    },
  }
}
