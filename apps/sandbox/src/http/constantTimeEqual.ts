import { timingSafeEqual } from 'node:crypto'

/** Compares secrets in constant time, so the sandbox does not teach timing attacks by example. */
export function constantTimeEqual(expected: string, given: string): boolean {
  const expectedBytes = Buffer.from(expected)
  const givenBytes = Buffer.from(given)
  return expectedBytes.length === givenBytes.length && timingSafeEqual(expectedBytes, givenBytes)
}
