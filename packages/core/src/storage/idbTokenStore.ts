import { createStore, del, get, keys, set } from 'idb-keyval'
import type { TokenStore } from './tokenStore.ts'

/** Options of `idbTokenStore()`. */
export interface IdbTokenStoreOptions {
  /** IndexedDB database name; `payauth` by default. */
  readonly databaseName?: string
  /** Object store name within it; `tokens` by default. */
  readonly storeName?: string
}

/**
 * IndexedDB, the browser default: survives reloads, is shared by the origin's tabs, and is not
 * exposed to other origins. The database opens on first use, not at import. Passed explicitly, it
 * has no memory fallback (the default has): an IndexedDB that fails is a `storage_error`.
 * @example
 * ```ts
 * const auth = createAuthClient({ ...options, store: idbTokenStore({ databaseName: 'my-app' }) })
 * ```
 */
export function idbTokenStore(options: IdbTokenStoreOptions = {}): TokenStore {
  let store: ReturnType<typeof createStore> | undefined
  const open = () => {
    store ??= createStore(options.databaseName ?? 'payauth', options.storeName ?? 'tokens')
    return store
  }
  return {
    get: (key) => get(key, open()),
    set: (key, value) => set(key, value, open()),
    delete: (key) => del(key, open()),
    keys: async () => (await keys(open())).map(String),
  }
}
