import { AuthErrorCode } from '@payauth/core'
import { oddKeys, paceSizedSession } from '@payauth/harness/contract'
import { rejection } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { expoSecureStore } from './expoSecureStore.ts'
import { fakeReactNative } from './test/fakeReactNative.ts'

const bigValue = (seed: string) => ({ seed, text: seed.repeat(6_000) })

describe('expoSecureStore', () => {
  it('writes only keys expo-secure-store accepts, and no entry over its 2048 bytes', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device)
    for (const key of oddKeys) await store.set(key, paceSizedSession())
    expect(device.keychain.size).toBeGreaterThan(oddKeys.length * 2)
    for (const [key, { value }] of device.keychain) {
      expect(key).toMatch(/^[A-Za-z0-9._-]+$/)
      expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(2_048)
    }
  })

  it('leaves no chunks behind when a value shrinks or goes', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device)
    await store.set('k', bigValue('a'))
    const withOneKey = device.keychain.size
    await store.set('k', bigValue('b'))
    expect(device.keychain.size).toBe(withOneKey)
    await store.set('k', { small: true })
    expect([...device.keychain.keys()].sort()).toEqual(['payauth.index', 'payauth.v.k'])
    await store.delete('k')
    expect([...device.keychain.keys()]).toEqual(['payauth.index'])
  })

  it('refuses a value over its limit with storage_error, and keeps the old one', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device, { maxValueBytes: 4_000 })
    await store.set('k', { n: 1 })
    const before = new Map(device.keychain)
    expect((await rejection(store.set('k', bigValue('a')))).code).toBe(AuthErrorCode.StorageError)
    expect(device.keychain).toEqual(before)
    expect(await store.get('k')).toEqual({ n: 1 })
  })

  it('refuses with storage_error what JSON would change, writing nothing', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device)
    const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
    for (const value of [keyPair, { at: new Date() }, { n: Number.NaN }, [1, undefined], null]) {
      expect((await rejection(store.set('k', value))).code).toBe(AuthErrorCode.StorageError)
    }
    expect(device.keychain.size).toBe(0)
  })

  it('keeps the old value readable when the device fails halfway through a write', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device)
    await store.set('k', bigValue('a'))
    device.writesLeft = 2
    await expect(store.set('k', bigValue('b'))).rejects.toThrow()
    device.writesLeft = undefined
    expect(await store.get('k')).toEqual(bigValue('a'))
  })

  it('drops a damaged value with storage_error once, then reads nothing there', async () => {
    const device = fakeReactNative()
    const store = expoSecureStore(device)
    await store.set('k', bigValue('a'))
    const chunk = [...device.keychain.keys()].find((key) => key.startsWith('payauth.v.k.'))
    device.keychain.delete(chunk ?? '')
    expect((await rejection(store.get('k'))).code).toBe(AuthErrorCode.StorageError)
    expect(await store.get('k')).toBeUndefined()
    expect([...device.keychain.keys()]).toEqual(['payauth.index'])
  })

  it('writes with WHEN_UNLOCKED_THIS_DEVICE_ONLY unless told otherwise, in the service asked for', async () => {
    const device = fakeReactNative()
    await expoSecureStore(device).set('k', { n: 1 })
    expect(device.keychain.get('payauth.v.k')?.options).toEqual({ keychainAccessible: 6 })
    await expoSecureStore(device, { keychainService: 'wallet', keychainAccessible: 1 }).set('k', { n: 2 })
    expect(device.keychain.get('payauth.v.k')?.options).toEqual({ keychainService: 'wallet', keychainAccessible: 1 })
  })
})
