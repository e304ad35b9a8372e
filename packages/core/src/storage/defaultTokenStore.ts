import { fallbackTokenStore } from './fallbackTokenStore.ts'
import { idbTokenStore } from './idbTokenStore.ts'
import { memoryTokenStore } from './memoryTokenStore.ts'
import type { TokenStore } from './tokenStore.ts'

/**
 * IndexedDB where the runtime has it, falling back to memory when it fails; memory elsewhere
 * (Node, SSR, some embedded web views). `session.persisted` tells which one holds the session.
 */
export function defaultTokenStore(): TokenStore {
  return typeof indexedDB === 'undefined' ? memoryTokenStore() : fallbackTokenStore(idbTokenStore(), memoryTokenStore())
}
