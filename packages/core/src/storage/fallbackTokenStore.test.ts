import { describe, expect, it } from 'vitest'
import { fallbackTokenStore } from './fallbackTokenStore.ts'
import { memoryTokenStore } from './memoryTokenStore.ts'
import type { TokenStore } from './tokenStore.ts'

/** IndexedDB as a blocked profile or a locked-down browser offers it: present, and failing. */
const blocked: TokenStore = {
  persistent: true,
  get: () =>
    Promise.reject(new DOMException('The operation failed for reasons unrelated to the database', 'UnknownError')),
  set: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')),
  delete: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')),
  keys: () => Promise.reject(new DOMException('blocked', 'InvalidStateError')),
}

describe('fallbackTokenStore', () => {
  it('keeps working in memory once the persistent store fails, and says it no longer persists', async () => {
    const store = fallbackTokenStore(blocked, memoryTokenStore())
    expect(store.persistent).toBe(true)
    expect(await store.get('session')).toBeUndefined()
    expect(store.persistent).toBe(false)
    await store.set('session', { accessToken: 'a' })
    expect(await store.get('session')).toEqual({ accessToken: 'a' })
    expect(await store.keys()).toEqual(['session'])
  })

  it('stays on the persistent store while it works', async () => {
    const primary = memoryTokenStore()
    const store = fallbackTokenStore({ ...primary, persistent: true }, memoryTokenStore())
    await store.set('k', 1)
    expect(await primary.get('k')).toBe(1)
    expect(store.persistent).toBe(true)
  })
})
