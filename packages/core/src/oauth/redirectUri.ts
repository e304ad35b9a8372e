import { authError } from '../errors.ts'
import { parseUrl } from '../navigation/parseUrl.ts'
import { requireSecureUrl } from './secureUrl.ts'

/** Schemes that are never an app's own, whatever their spelling. */
const refusedSchemes = new Set(['javascript:', 'data:', 'file:', 'blob:', 'about:', 'vbscript:'])

/**
 * The redirect URI, checked: `https:` (a web app, or a native app's claimed link), `http:` on
 * loopback only, or a native app's private-use scheme, which RFC 8252 §7.1 wants in reverse-domain
 * form (`com.example.app:/callback`). Anything else is refused before any sign-in starts.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7
 */
export function requireRedirectUri(value: string): URL {
  const url = parseUrl(value)
  const privateUse =
    url && /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(url.protocol) && !refusedSchemes.has(url.protocol)
  if (privateUse) return url
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw authError(
      'invalid_config',
      `redirectUri's scheme must be https, loopback http, or a reverse-domain app scheme (com.example.app:): ${value}`,
      { redirectUri: value },
    )
  }
  return requireSecureUrl(value, 'redirectUri')
}
