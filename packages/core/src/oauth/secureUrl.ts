import { AuthError } from '../errors.ts'
import { parseUrl } from '../navigation/parseUrl.ts'

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** True for `http:` URLs on loopback, the only plain-HTTP URLs payauth talks to. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname)
}

/**
 * Parses `value` and refuses anything but `https:` or loopback `http:`, so a misconfiguration
 * or a tampered discovery document cannot downgrade token traffic to clear text.
 */
export function requireSecureUrl(value: string, what: string): URL {
  const url = parseUrl(value)
  if (!url) {
    throw new AuthError('invalid_config', `${what} is not an absolute URL: ${value}`, {
      cause: { [what]: value },
    })
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw new AuthError(
      'insecure_url',
      `${what} must use https (plain http is allowed only on 127.0.0.1, [::1] and localhost): ${value}`,
      { cause: { [what]: value } },
    )
  }
  return url
}
