import { describe, expect, it } from 'vitest'
import { defaultTokenStore } from './defaultTokenStore.ts'
import { memoryTokenStore } from './memoryTokenStore.ts'

describe('memoryTokenStore', () => {
  it('returns copies, so a caller cannot change what is stored', async () => {
    const store = memoryTokenStore()
    const value = { scope: ['openid'] }
    await store.set('k', value)
    value.scope.push('tampered')
    const read = await store.get<{ scope: string[] }>('k')
    read?.scope.push('tampered too')
    expect(await store.get('k')).toEqual({ scope: ['openid'] })
  })

  it('is the default where IndexedDB is missing (Node, SSR)', async () => {
    expect(typeof indexedDB).toBe('undefined')
    const store = defaultTokenStore()
    await store.set('k', 1)
    expect(await store.keys()).toEqual(['k'])
  })
})
