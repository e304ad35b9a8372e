import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

describe('backoffDelay', () => {
  it('doubles from one second and stops growing at a minute', () => {
    const highest = () => 1
    expect([1, 2, 3, 4, 7, 8, 20].map((attempt) => backoffDelay(attempt, highest))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ])
  })

  it('spreads retries over the upper half of each window', () => {
    expect(backoffDelay(3, () => 0)).toBe(2_000)
    expect(backoffDelay(3, () => 0.5)).toBe(3_000)
  })
})
