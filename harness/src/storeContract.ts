import type { TokenSet } from '@payauth/core'
import { describe, expect, it } from 'vitest'
import type { StoreFixture } from './adapterFixtures.ts'

/** A session as PACE issues it: three JWTs and a user, about 3.4 kB of JSON. */
export function paceSizedSession(seed = 'a'): TokenSet {
  const jwt = (bytes: number) => `eyJhbGciOiJFUzI1NiJ9.${seed.repeat(bytes)}.${'s'.repeat(86)}`
  return {
    accessToken: jwt(1_200),
    tokenType: 'Bearer',
    issuedAt: 1_764_000_000_000,
    expiresAt: 1_764_000_300_000,
    scope: ['openid', 'profile', 'payment:payment-methods:read:authenticated'],
    refreshToken: jwt(700),
    refreshExpiresAt: undefined,
    idToken: jwt(900),
    user: { sub: 'alice', name: 'Zoë Ångström 😀', preferred_username: 'alice' },
  }
}

/** Keys the core writes (`:` and `/` from the issuer), and keys that collide once escaped or chunked. */
export const oddKeys = [
  'payauth:https://id.example.com/auth/realms/pace:wallet-app:session',
  'payauth:https://id.example.com/auth/realms/pace:wallet-app:login:3Zq_-x~y',
  'a_b',
  'a.b',
  'a-b',
  'a b',
  'a_20b',
  '_3A',
  ':',
  'x',
  'x.0',
  'x.1',
  'index',
  'ü/😀',
]

/** What every `TokenStore` does, whatever keeps the data. */
export function storeContract(name: string, setup: () => StoreFixture): void {
  describe(`${name}: the TokenStore contract`, () => {
    it('reads back what it wrote, as a copy, and overwrites', async () => {
      const { store } = setup()
      const session = paceSizedSession()
      await store.set('k', session)
      const read = await store.get<TokenSet>('k')
      expect(read).toEqual(session)
      ;(read as unknown as { scope: string[] }).scope.push('tampered')
      expect(await store.get('k')).toEqual(session)
      await store.set('k', { n: 2 })
      expect(await store.get('k')).toEqual({ n: 2 })
    })

    it('has nothing for a key never written or deleted, and deletes a missing key quietly', async () => {
      const { store } = setup()
      expect(await store.get('never')).toBeUndefined()
      await store.set('k', { n: 1 })
      await store.delete('k')
      await store.delete('k')
      expect(await store.get('k')).toBeUndefined()
      expect(await store.keys()).toEqual([])
    })

    it('keeps odd keys apart and lists exactly the keys it holds', async () => {
      const { store } = setup()
      for (const [index, key] of oddKeys.entries()) await store.set(key, { index })
      await store.delete('x.0')
      for (const [index, key] of oddKeys.entries()) {
        expect(await store.get(key)).toEqual(key === 'x.0' ? undefined : { index })
      }
      expect((await store.keys()).sort()).toEqual(oddKeys.filter((key) => key !== 'x.0').sort())
    })

    it('keeps large values whole', async () => {
      const { store } = setup()
      const session = paceSizedSession('b')
      expect(JSON.stringify(session).length).toBeGreaterThan(3_300)
      const large = { text: 'ß€😀'.repeat(1_000), list: Array.from({ length: 500 }, (_, index) => index) }
      await store.set('session', session)
      await store.set('large', large)
      expect(await store.get('session')).toEqual(session)
      expect(await store.get('large')).toEqual(large)
      await store.set('session', { small: true })
      expect(await store.get('session')).toEqual({ small: true })
    })

    it('lists many keys', async () => {
      const { store } = setup()
      const keys = Array.from({ length: 60 }, (_, index) => `payauth:https://id.example.com/realm:app:login:${index}`)
      for (const key of keys) await store.set(key, { state: key })
      expect((await store.keys()).sort()).toEqual([...keys].sort())
    })

    it('says whether it survives a restart, and does when it says so', async () => {
      const { store, persistent, reopen } = setup()
      expect(store.persistent !== false).toBe(persistent)
      if (!persistent) return
      await store.set('session', paceSizedSession('c'))
      await store.set('other', { n: 1 })
      const reopened = reopen?.()
      expect(reopened).toBeDefined()
      expect(await reopened?.get('session')).toEqual(paceSizedSession('c'))
      expect((await reopened?.keys())?.sort()).toEqual(['other', 'session'])
    })
  })
}
