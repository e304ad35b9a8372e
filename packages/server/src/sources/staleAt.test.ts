import { describe, expect, it } from 'vitest'
import { staleAt } from './staleAt.ts'

// The same table as the core's rule: a server token must be renewed exactly when a browser's would.
const leewayOf = (lifetimeSeconds: number) => {
  const issuedAt = 1_000_000
  const expiresAt = issuedAt + lifetimeSeconds * 1000
  return (expiresAt - staleAt({ issuedAt, expiresAt })) / 1000
}

describe('staleAt', () => {
  it.each([
    [300, 30],
    [3600, 60],
    [7200, 60],
    [100, 10],
    [40, 5],
    [20, 5],
    [8, 2],
    [0, 0],
  ])('a %i s token is stale %i s before it expires', (lifetime, leeway) => {
    expect(leewayOf(lifetime)).toBe(leeway)
  })
})
