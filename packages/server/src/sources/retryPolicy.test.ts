import { describe, expect, it } from 'vitest'
import { backoffDelay, defaultRetryPolicy, parseRetryAfter } from './retryPolicy.ts'

describe('backoffDelay', () => {
  it('doubles up to the cap, jittering only the upper half', () => {
    const delays = (random: number) =>
      [0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, defaultRetryPolicy, () => random))
    expect(delays(0)).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000])
    expect(delays(0.999_999).map(Math.round)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T10:00:00Z')
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000)
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:05 GMT', now)).toBe(5_000)
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:59:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
