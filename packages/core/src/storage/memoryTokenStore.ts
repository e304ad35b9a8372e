import type { TokenStore } from './tokenStore.ts'

/** Keeps everything in this page's memory: a reload signs the user out. For SSR, tests and old browsers. */
export function memoryTokenStore(): TokenStore {
  const entries = new Map<string, unknown>()
  return {
    persistent: false,
    async get<T>(key: string) {
      return structuredClone(entries.get(key)) as T | undefined
    },
    async set(key, value) {
      entries.set(key, structuredClone(value))
    },
    async delete(key) {
      entries.delete(key)
    },
    async keys() {
      return [...entries.keys()]
    },
  }
}
