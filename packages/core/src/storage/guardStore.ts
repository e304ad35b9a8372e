import { AuthError } from '../errors.ts'
import type { TokenStore } from './tokenStore.ts'

/** Reports any failure of a store (quota, private mode, blocked IndexedDB) as `storage_error`. */
export function guardStore(store: TokenStore): TokenStore {
  const guard =
    <A extends unknown[], R>(name: string, operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await operation(...args)
      } catch (error) {
        throw new AuthError('storage_error', `The token store failed to ${name}`, { cause: error })
      }
    }
  return {
    get persistent() {
      return store.persistent
    },
    get: guard('read', (key: string) => store.get(key)) as TokenStore['get'],
    set: guard('write', (key: string, value: unknown) => store.set(key, value)),
    delete: guard('delete', (key: string) => store.delete(key)),
    keys: guard('list keys', () => store.keys()),
  }
}
