import { request } from 'node:http'
import { autoLoginCookie } from '../pace/autoLoginCookie.ts'
import { findDemoUser } from '../pace/demoUsers.ts'

export interface BrowseAuthorizationOptions {
  /** Demo user to sign in as, through the opt-in auto-login. */
  readonly username: string
  /** Where the app expects the user back; the walk stops at the first redirect there. */
  readonly redirectUri: string
  /** `deny` presses Cancel on the login page instead, which answers `access_denied`. */
  readonly decision?: 'allow' | 'deny'
  /** For a step-up to `strong`: submit the login form with the user's password and this PIN. */
  readonly pin?: string
}

/**
 * Plays the user's browser from an authorization URL to the redirect back to the app, keeping the
 * sandbox's cookies as a browser would, so core tests exercise the real server without Chromium.
 * It uses `node:http`, not `fetch`, so it behaves the same under DOM test environments.
 */
export async function browseAuthorization(
  authorizationUrl: string,
  options: BrowseAuthorizationOptions,
): Promise<string> {
  const cookies = new Map<string, string>([[autoLoginCookie, options.username]])
  let url = authorizationUrl
  let method = 'GET'
  let pinSent = false
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(options.redirectUri)) return url
    const atLoginPage = /\/login-actions\/[\w-]+$/.test(new URL(url).pathname)
    let form: string | undefined
    if (options.decision === 'deny' && atLoginPage) {
      url = `${url}/abort`
      method = 'POST'
    } else if (options.pin !== undefined && atLoginPage && !pinSent) {
      pinSent = true
      const user = findDemoUser(options.username)
      url = `${url}/login`
      method = 'POST'
      form = new URLSearchParams({
        username: options.username,
        password: user?.password ?? '',
        pin: options.pin,
      }).toString()
    }
    const response = await send(url, method, [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), form)
    for (const line of response.setCookies) {
      const [pair = ''] = line.split(';')
      const separator = pair.indexOf('=')
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim())
    }
    const { location } = response
    if (!location) throw new Error(`The sandbox stopped at ${url} with ${response.status}: ${response.body}`)
    url = new URL(location, url).href
    method = 'GET'
  }
  throw new Error('Too many redirects')
}

interface RawResponse {
  readonly status: number
  readonly location: string | undefined
  readonly setCookies: readonly string[]
  readonly body: string
}

function send(url: string, method: string, cookie: string, form?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = form ? { cookie, 'content-type': 'application/x-www-form-urlencoded' } : { cookie }
    const req = request(url, { method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          setCookies: res.headers['set-cookie'] ?? [],
          body,
        }),
      )
    })
    req.on('error', reject)
    req.end(form)
  })
}
