import { describe, expect, it } from 'vitest'
import { isFresh, staleAt } from './expiry.ts'

const minute = 60_000

describe('staleAt', () => {
  it('retires a 5-minute token 30 s early', () => {
    expect(staleAt({ issuedAt: 0, expiresAt: 5 * minute })).toBe(5 * minute - 30_000)
  })

  it('retires an hour-long token one minute early, not six', () => {
    expect(staleAt({ issuedAt: 0, expiresAt: 60 * minute })).toBe(59 * minute)
  })

  it('allows at least five seconds of clock skew for a 30-second token', () => {
    expect(staleAt({ issuedAt: 0, expiresAt: 30_000 })).toBe(25_000)
  })

  it('keeps most of a very short token usable', () => {
    expect(staleAt({ issuedAt: 0, expiresAt: 5_000 })).toBe(3_750)
  })

  it('treats a token as fresh strictly before it turns stale', () => {
    const tokens = { issuedAt: 0, expiresAt: 5 * minute }
    expect(isFresh(tokens, 5 * minute - 30_001)).toBe(true)
    expect(isFresh(tokens, 5 * minute - 30_000)).toBe(false)
  })
})
