import { randomBytes } from 'node:crypto'

/** An unguessable opaque value: 256 bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}
