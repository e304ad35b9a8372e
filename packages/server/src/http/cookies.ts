/**
 * Attributes of a cookie the BFF sets. Always `Path=/`, `HttpOnly` and `Secure` (browsers accept
 * Secure cookies from http://localhost and 127.0.0.1 too, the only http origins the BFF allows).
 */
export interface CookieAttributes {
  readonly sameSite: 'Strict' | 'Lax'
  /** Seconds until the browser drops it; 0 deletes it now. */
  readonly maxAge: number
}

/** The cookies a request carries, by name (the first of duplicate names wins, as in browsers' order). */
export function readCookies(request: Request): ReadonlyMap<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator < 1) continue
    const name = part.slice(0, separator).trim()
    if (!cookies.has(name)) cookies.set(name, part.slice(separator + 1).trim())
  }
  return cookies
}

/**
 * A `Set-Cookie` value. Values the BFF writes are base64url and dots only, so they need no
 * quoting; `HttpOnly` keeps them from scripts, `Path=/` with no `Domain` is what `__Host-` requires.
 */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  return [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`,
    'HttpOnly',
    'Secure',
    `SameSite=${attributes.sameSite}`,
  ].join('; ')
}
