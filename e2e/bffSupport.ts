import { type BrowserContext, expect, type Page } from '@playwright/test'
import { base64url, jwtDecrypt } from 'jose'
import { e2eSessionKey, sandboxOrigin } from '../playwright.config.ts'
import { press, useAutoLogin } from './support.ts'

/** The PACE BFF's session cookie (no `__Host-` prefix: the e2e origins are plain http). */
export const sessionCookieName = 'payauth-bff'

/** Goes to the backend's sign-in page on `origin` and signs in there, through the auto-login cookie. */
export async function signInThroughBackend(page: Page, context: BrowserContext, origin = ''): Promise<void> {
  await useAutoLogin(context)
  await page.goto(`${origin}/backend`)
  await press(page.getByRole('button', { name: 'Sign in through the backend' }))
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')
}

/** The BFF's session cookie as the browser keeps it for `origin`. */
export async function sessionCookie(context: BrowserContext, origin: string) {
  const cookie = (await context.cookies(origin)).find((candidate) => candidate.name === sessionCookieName)
  if (!cookie) throw new Error(`no ${sessionCookieName} cookie for ${origin}`)
  return cookie
}

/**
 * What the backend sealed into its session cookie, opened with the run's session key: the way to
 * learn the refresh token, which the browser must never hold in readable form.
 */
export async function openSessionCookie(value: string): Promise<{ accessToken: string; refreshToken: string }> {
  const { payload } = await jwtDecrypt(value, base64url.decode(e2eSessionKey), { audience: 'payauth-bff:session' })
  return payload.session as { accessToken: string; refreshToken: string }
}

/** The sandbox's record of one sign-in's token requests, found by any access token of it. */
export interface TokenRequestLog {
  readonly byGrantType: Record<string, number>
  readonly refreshes: readonly { readonly at: number; readonly succeeded: boolean }[]
  readonly reusedRefreshTokens: number
}

export async function tokenRequestLog(page: Page, accessToken: string): Promise<TokenRequestLog> {
  const response = await page.request.get(`${sandboxOrigin}/test/token-requests?access_token=${accessToken}`)
  return (await response.json()) as TokenRequestLog
}

/** A call the SPA's own code could make to its backend: same origin, with or without the CSRF header. */
export function callFromPage(
  page: Page,
  path: string,
  init: { method?: string; csrfHeader?: boolean } = {},
): Promise<{ status: number; instance: string | null; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, method, csrfHeader }) => {
      // `no-store`: past the HTTP cache, whose lock would hold identical GETs back until the first is answered.
      const response = await fetch(path, {
        method,
        cache: 'no-store',
        headers: csrfHeader ? { 'x-payauth-csrf': '1' } : {},
      })
      return {
        status: response.status,
        instance: response.headers.get('x-demo-backend-instance'),
        body: (await response.json()) as Record<string, unknown>,
      }
    },
    { path, method: init.method ?? 'GET', csrfHeader: init.csrfHeader ?? true },
  )
}

/**
 * Everything a script of the page's origin can read: cookies (as `document.cookie` shows them),
 * localStorage, sessionStorage and every IndexedDB database's records.
 */
export function scriptReadableState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const records: unknown[] = []
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const all = db.transaction(store).objectStore(store).getAll()
        records.push(
          await new Promise((resolve, reject) => {
            all.onsuccess = () => resolve(all.result)
            all.onerror = () => reject(all.error)
          }),
        )
      }
      db.close()
    }
    // CryptoKeys (DPoP) serialise as {}: nothing secret about them here, and nothing to find either.
    return JSON.stringify({
      cookies: document.cookie,
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      indexedDb: records,
    })
  })
}

/** Every response the context's pages see: URL, headers (Set-Cookie included) and body, for scanning. */
export function recordResponses(context: BrowserContext): () => Promise<string[]> {
  const pending: Promise<string>[] = []
  context.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders())
        // A response cut off by a navigation never finishes: its body never reached the page whole.
        // Redirects have no body to read.
        const failure = await response.finished()
        const body = failure ? '' : await response.text().catch(() => '')
        return `${response.status()} ${response.url()}\n${headers}\n${body}`
      })(),
    )
  })
  return () => Promise.all(pending)
}
