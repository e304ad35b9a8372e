import { autoLoginCookie } from '../pace/loginActions.ts'

export interface BrowseAuthorizationOptions {
  /** Demo user to sign in as, through the opt-in auto-login. */
  readonly username: string
  /** Where the app expects the user back; the walk stops at the first redirect there. */
  readonly redirectUri: string
  /** `deny` presses Cancel on the login page instead, which answers `access_denied`. */
  readonly decision?: 'allow' | 'deny'
}

/**
 * Plays the user's browser from an authorization URL to the redirect back to the app, keeping the
 * sandbox's cookies as a browser would, so core tests exercise the real server without Chromium.
 */
export async function browseAuthorization(authorizationUrl: string, options: BrowseAuthorizationOptions): Promise<string> {
  const cookies = new Map<string, string>([[autoLoginCookie, options.username]])
  let url = authorizationUrl
  let method = 'GET'
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(options.redirectUri)) return url
    if (options.decision === 'deny' && /\/login-actions\/[\w-]+$/.test(new URL(url).pathname)) {
      url = `${url}/abort`
      method = 'POST'
    }
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const separator = pair.indexOf('=')
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim())
    }
    const location = response.headers.get('location')
    if (!location) throw new Error(`The sandbox stopped at ${url} with ${response.status}: ${await response.text()}`)
    url = new URL(location, url).href
    method = 'GET'
  }
  throw new Error('Too many redirects')
}
