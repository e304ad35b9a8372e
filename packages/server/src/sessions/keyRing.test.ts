import { decodeProtectedHeader } from 'jose'
import { describe, expect, it } from 'vitest'
import { ServerAuthError } from '../errors.ts'
import { testClock } from '../test/bffHarness.ts'
import { createKeyRing, generateSessionKey } from './keyRing.ts'

const clock = testClock()
const oldKey = generateSessionKey()
const newKey = generateSessionKey()
const inAnHour = () => clock.now() + 3_600_000

describe('key ring', () => {
  it('seals as compact JWE (dir, A256GCM) that opens only for its purpose', async () => {
    const ring = createKeyRing([newKey], clock)
    const sealed = await ring.seal({ refreshToken: 'rt-123' }, 'payauth-bff:session', inAnHour())
    expect(decodeProtectedHeader(sealed)).toMatchObject({ alg: 'dir', enc: 'A256GCM' })
    expect(sealed).not.toContain('rt-123')
    expect(await ring.open(sealed, 'payauth-bff:session')).toMatchObject({ refreshToken: 'rt-123' })
    expect(await ring.open(sealed, 'payauth-bff:login')).toBeUndefined()
  })

  it('refuses a tampered value and an expired one', async () => {
    const ring = createKeyRing([newKey], clock)
    const sealed = await ring.seal({ user: 'alice' }, 'purpose', inAnHour())
    const parts = sealed.split('.')
    const ciphertext = parts[3] ?? ''
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`
    expect(await ring.open([...parts.slice(0, 3), flipped, parts[4]].join('.'), 'purpose')).toBeUndefined()
    expect(await ring.open(`${sealed}x`, 'purpose')).toBeUndefined()
    clock.advance(3_600_001)
    expect(await ring.open(sealed, 'purpose')).toBeUndefined()
  })

  it('rotates: the newest key seals, older keys still open, a dropped key no longer does', async () => {
    const before = createKeyRing([oldKey], clock)
    const during = createKeyRing([newKey, oldKey], clock)
    const after = createKeyRing([newKey], clock)
    const sealedBefore = await before.seal({ n: 1 }, 'purpose', inAnHour())
    expect(await during.open(sealedBefore, 'purpose')).toMatchObject({ n: 1 })
    const sealedDuring = await during.seal({ n: 2 }, 'purpose', inAnHour())
    expect(decodeProtectedHeader(sealedDuring).kid).not.toBe(decodeProtectedHeader(sealedBefore).kid)
    expect(await after.open(sealedDuring, 'purpose')).toMatchObject({ n: 2 })
    expect(await after.open(sealedBefore, 'purpose')).toBeUndefined()
  })

  it('refuses keys that are not 256 bits, without echoing them', () => {
    for (const keys of [[], ['too-short'], [`${newKey}AAAA`]]) {
      const error = (() => {
        try {
          createKeyRing(keys, clock)
        } catch (thrown) {
          return thrown
        }
      })()
      expect(error).toBeInstanceOf(ServerAuthError)
      expect(error).toMatchObject({ code: 'invalid_config' })
      expect(JSON.stringify(error) + String(error)).not.toContain('too-short')
    }
  })
})
