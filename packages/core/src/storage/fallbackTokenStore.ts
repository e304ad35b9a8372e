import type { TokenStore } from './tokenStore.ts'

/**
 * `primary` until it fails once (IndexedDB blocked by policy, private mode, a broken profile), then
 * `fallback` for good: the session keeps working in this page, and `persistent` says it will not
 * survive a reload, so the snapshot can tell the user.
 */
export function fallbackTokenStore(primary: TokenStore, fallback: TokenStore): TokenStore {
  let current = primary
  const attempt =
    <A extends unknown[], R>(operation: (store: TokenStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (current === fallback) return operation(fallback, ...args)
      try {
        return await operation(primary, ...args)
      } catch {
        current = fallback
        return operation(fallback, ...args)
      }
    }
  return {
    get persistent() {
      return current.persistent !== false
    },
    get: attempt((store, key: string) => store.get(key)) as TokenStore['get'],
    set: attempt((store, key: string, value: unknown) => store.set(key, value)),
    delete: attempt((store, key: string) => store.delete(key)),
    keys: attempt((store) => store.keys()),
  }
}
