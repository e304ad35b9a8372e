import { createStore, del, get, update } from 'idb-keyval'
import type { AuthLock } from './authLock.ts'

interface Lease {
  readonly holder: string
  readonly until: number
}

export interface LeaseLockOptions {
  readonly databaseName?: string
  /** A holder that dies keeps the lease this long at most. */
  readonly leaseMs?: number
  /** How often a waiting tab tries again. */
  readonly pollMs?: number
  readonly now?: () => number
}

/**
 * A cross-tab lock for browsers without Web Locks (Safari before 15.4), built on IndexedDB: its
 * read-write transactions on one store run one at a time across tabs, so taking a lease with
 * `update` is an atomic compare-and-set. The holder renews its lease while its task runs; a
 * crashed holder's lease lapses after `leaseMs`.
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
