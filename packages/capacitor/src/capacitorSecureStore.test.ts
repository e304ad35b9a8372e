import { AuthErrorCode } from '@payauth/core'
import { paceSizedSession } from '@payauth/harness/contract'
import { rejection } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { capacitorSecureStore } from './capacitorSecureStore.ts'
import { fakeCapacitor } from './test/fakeCapacitor.ts'

describe('capacitorSecureStore', () => {
  it('never puts tokens in the iCloud Keychain, even when the app syncs its own data', async () => {
    const device = fakeCapacitor()
    device.syncByDefault = true
    const store = capacitorSecureStore(device)
    await store.set('session', paceSizedSession())
    expect(device.keychains.iCloud.size).toBe(0)
    expect(await store.get('session')).toEqual(paceSizedSession())
    expect(await store.keys()).toEqual(['session'])
  })

  it('gives back a string that looks like a date as the string it was', async () => {
    const store = capacitorSecureStore(fakeCapacitor())
    await store.set('k', '2026-11-27T10:00:00.000Z')
    expect(await store.get('k')).toBe('2026-11-27T10:00:00.000Z')
  })

  it('refuses with storage_error what JSON would change, writing nothing', async () => {
    const device = fakeCapacitor()
    const store = capacitorSecureStore(device)
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
    for (const value of [keyPair, { at: new Date() }, { n: Number.POSITIVE_INFINITY }, new Map()]) {
      expect((await rejection(store.set('k', value))).code).toBe(AuthErrorCode.StorageError)
    }
    expect(device.keychains.local.size).toBe(0)
  })

  it('keeps tokens on this device, readable while it is unlocked, unless told otherwise', async () => {
    const device = fakeCapacitor()
    await capacitorSecureStore(device).set('a', { n: 1 })
    await capacitorSecureStore(device, { keychainAccess: 3 }).set('b', { n: 2 })
    expect(Object.fromEntries(device.keychains.access)).toEqual({ a: 1, b: 3 })
  })
})
