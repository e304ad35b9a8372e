import type { TokenSet } from '../tokenSet.ts'
import type { LoginTransaction } from './loginTransaction.ts'

type Check = (value: unknown) => boolean

const string: Check = (value) => typeof value === 'string' && value !== ''
const time: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const strings: Check = (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string')
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const object: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** True when `value` has every field `shape` names, each as its check wants it. */
function matches(value: unknown, shape: Record<string, Check>): boolean {
  return (
    object(value) && Object.entries(shape).every(([name, check]) => check((value as Record<string, unknown>)[name]))
  )
}

/**
 * Whether a stored session can be trusted as one: anything that reads it back (another version,
 * a browser extension, a tampered profile) may have written something else.
 */
export function isTokenSet(value: unknown): value is TokenSet {
  return matches(value, {
    accessToken: string,
    tokenType: string,
    issuedAt: time,
    expiresAt: time,
    scope: strings,
    refreshToken: optional(string),
    refreshExpiresAt: optional(time),
    idToken: optional(string),
    user: optional((user) => object(user) && string((user as { sub?: unknown }).sub)),
    authorizationDetails: optional((details) => Array.isArray(details) && details.every(object)),
    intent: optional((intent) => object(intent) && string((intent as { id?: unknown }).id)),
  })
}

/** Whether a stored instant (epoch milliseconds) can be trusted as one. */
export function isTime(value: unknown): value is number {
  return time(value)
}

/** Whether a stored pending sign-in can be trusted as one. */
export function isLoginTransaction(value: unknown): value is LoginTransaction {
  return matches(value, {
    state: string,
    responseType: (type) => type === 'code' || type === 'token',
    codeVerifier: optional(string),
    nonce: optional(string),
    redirectUri: string,
    scope: strings,
    returnTo: string,
    createdAt: time,
    expiresAt: time,
    usedAt: optional(time),
    acrValues: optional(strings),
    maxAge: optional(time),
    popup: optional((value) => typeof value === 'boolean'),
  })
}
