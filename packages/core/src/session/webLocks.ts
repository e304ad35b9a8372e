import type { AuthLock } from './authLock.ts'

/** The Web Locks API: released by the browser even when the holding tab crashes or closes. */
export function webLocks(locks: LockManager): AuthLock {
  return {
    run: (name, task) => locks.request(name, { mode: 'exclusive' }, task),
  }
}
