import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultTokenStore } from './defaultTokenStore.ts'
import { idbTokenStore } from './idbTokenStore.ts'

describe('idbTokenStore', () => {
  it('keeps structured values across store instances, as across reloads', async () => {
    const writer = idbTokenStore({ databaseName: 'payauth-test-reload' })
    await writer.set('session', { accessToken: 'at', scope: ['openid'], expiresAt: 1 })
    const reader = idbTokenStore({ databaseName: 'payauth-test-reload' })
    expect(await reader.get('session')).toEqual({ accessToken: 'at', scope: ['openid'], expiresAt: 1 })
    expect(await reader.keys()).toEqual(['session'])
    await reader.delete('session')
    expect(await writer.get('session')).toBeUndefined()
  })

  it('keeps separate databases apart', async () => {
    await idbTokenStore({ databaseName: 'payauth-test-a' }).set('k', 'a')
    expect(await idbTokenStore({ databaseName: 'payauth-test-b' }).get('k')).toBeUndefined()
  })

  it('is the default wherever IndexedDB exists', async () => {
    const store = defaultTokenStore()
    await store.set('default-check', 1)
    expect(await idbTokenStore().get('default-check')).toBe(1)
  })
})
