import { idbTokenStore } from './idbTokenStore.ts'
import { memoryTokenStore } from './memoryTokenStore.ts'
import type { TokenStore } from './tokenStore.ts'

/** IndexedDB where the runtime has it; memory elsewhere (Node, SSR, some embedded web views). */
export function defaultTokenStore(): TokenStore {
  return typeof indexedDB === 'undefined' ? memoryTokenStore() : idbTokenStore()
}
