import { describe, expect, it } from 'vitest'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import type { TokenStore } from '../storage/tokenStore.ts'
import { dpopKeyPair } from './dpopKeyPair.ts'

describe('dpopKeyPair', () => {
  it('makes one non-extractable key and keeps using it', async () => {
    const store = memoryTokenStore()
    const first = await dpopKeyPair(store, 'key')
    expect(first.privateKey.extractable).toBe(false)
    const again = await dpopKeyPair(store, 'key')
    const jwk = (pair: CryptoKeyPair) => crypto.subtle.exportKey('jwk', pair.publicKey)
    expect(await jwk(again)).toEqual(await jwk(first))
  })

  it('replaces a planted extractable key instead of signing with it', async () => {
    const store = memoryTokenStore()
    const planted = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
    await store.set('key', planted)
    const used = await dpopKeyPair(store, 'key')
    expect(used.privateKey.extractable).toBe(false)
    expect(await crypto.subtle.exportKey('jwk', used.publicKey)).not.toEqual(
      await crypto.subtle.exportKey('jwk', planted.publicKey),
    )
  })

  it('replaces something that is not a key pair at all', async () => {
    const store = memoryTokenStore()
    await store.set('key', { privateKey: 'pem?', publicKey: {} })
    expect((await dpopKeyPair(store, 'key')).privateKey).toBeInstanceOf(CryptoKey)
  })

  it('refuses, as a configuration error, a store that cannot give the key back (JSON, as native stores keep)', async () => {
    const json = new Map<string, string>()
    const store: TokenStore = {
      get: async <T>(key: string) => (json.has(key) ? (JSON.parse(json.get(key) as string) as T) : undefined),
      set: async (key, value) => {
        json.set(key, JSON.stringify(value))
      },
      delete: async (key) => {
        json.delete(key)
      },
      keys: async () => [...json.keys()],
    }
    const error = await dpopKeyPair(store, 'key').catch((reason: unknown) => reason)
    expect(isAuthError(error) && error.code).toBe(AuthErrorCode.InvalidConfig)
    // Nothing useless is left behind.
    expect(json.has('key')).toBe(false)
  })
})
