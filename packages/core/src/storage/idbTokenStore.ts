import { createStore, del, get, keys, set } from 'idb-keyval'
import type { TokenStore } from './tokenStore.ts'

export interface IdbTokenStoreOptions {
  /** IndexedDB database name. */
  readonly databaseName?: string
  /** Object store name within it. */
  readonly storeName?: string
}

/**
 * IndexedDB, the browser default: survives reloads, is shared by the origin's tabs, and is not
 * exposed to other origins. The database opens on first use, not at import.
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
