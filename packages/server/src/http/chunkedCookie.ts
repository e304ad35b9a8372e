import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { type CookieAttributes, serializeCookie } from './cookies.ts'

/**
 * Browsers keep at most about 4 096 bytes per cookie (name, value and attributes). Larger values
 * are split into `name.0`, `name.1`...; past the last chunk the session is refused, never cut.
 */
export const maxCookieValueLength = 3_800
/** Three chunks keep the Cookie header well under servers' usual 8–16 kB header limits. */
export const maxCookieChunks = 3

/** A possibly chunked cookie as a request carried it. */
export interface ChunkedCookie {
  /** The whole value, or undefined when absent or incomplete. */
  readonly value: string | undefined
}

/**
 * Reads `name`, or else joins `name.0`, `name.1`... up to the first missing one. A value cut short
 * by a lost chunk fails its AES-GCM check when opened, so it is never taken for a session.
 */
export function readChunkedCookie(cookies: ReadonlyMap<string, string>, name: string): ChunkedCookie {
  const whole = cookies.get(name)
  if (whole !== undefined) return { value: whole }
  const chunks: string[] = []
  for (let index = 0; index < maxCookieChunks; index++) {
    const chunk = cookies.get(`${name}.${index}`)
    if (chunk === undefined) break
    chunks.push(chunk)
  }
  return { value: chunks.length > 0 ? chunks.join('') : undefined }
}

/**
 * `Set-Cookie` values that store `value` under `name`, whole or in chunks, and delete every other
 * name it could have been stored under before: a stale whole cookie would otherwise win over new
 * chunks. Throws `session_too_large` when even the last chunk would overflow.
 */
export function writeChunkedCookie(name: string, value: string, attributes: CookieAttributes): string[] {
  const chunks: string[] = []
  for (let start = 0; start < value.length; start += maxCookieValueLength) {
    chunks.push(value.slice(start, start + maxCookieValueLength))
  }
  if (chunks.length > maxCookieChunks) {
    throw new ServerAuthError(
      ServerErrorCode.SessionTooLarge,
      `The session needs ${chunks.length} cookies of ${maxCookieValueLength} characters; at most ${maxCookieChunks} are allowed. Use a server-side session store.`,
      { cause: { length: value.length } },
    )
  }
  if (chunks.length <= 1) {
    return [serializeCookie(name, value, attributes), ...chunkNames(name, 0).map((stale) => expire(stale, attributes))]
  }
  return [
    expire(name, attributes),
    ...chunks.map((chunk, index) => serializeCookie(`${name}.${index}`, chunk, attributes)),
    ...chunkNames(name, chunks.length).map((stale) => expire(stale, attributes)),
  ]
}

/** `Set-Cookie` values that delete `name` and all its chunks. */
export function deleteChunkedCookie(name: string, attributes: Omit<CookieAttributes, 'maxAge'>): string[] {
  return [name, ...chunkNames(name, 0)].map((stale) => expire(stale, attributes))
}

function chunkNames(name: string, from: number): string[] {
  return Array.from({ length: Math.max(0, maxCookieChunks - from) }, (_, offset) => `${name}.${from + offset}`)
}

function expire(name: string, attributes: Omit<CookieAttributes, 'maxAge'>): string {
  return serializeCookie(name, '', { ...attributes, maxAge: 0 })
}
