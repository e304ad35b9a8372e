import type { AuthLock } from './authLock.ts'
import { leaseLock } from './leaseLock.ts'
import { memoryLock } from './memoryLock.ts'
import { webLocks } from './webLocks.ts'

/** Web Locks where the browser has them, an IndexedDB lease where it does not, else this page only. */
export function defaultLock(): AuthLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (locks) return webLocks(locks)
  if (typeof indexedDB !== 'undefined') return leaseLock()
  return memoryLock()
}
