import { createServer, type Socket } from 'node:net'
import { type BrowserContext, expect, type Page, type Route } from '@playwright/test'
import { demoOrigin, sandboxOrigin } from '../playwright.config.ts'
import { test as base } from './cspViolations.ts'
import { press, signInQuickly, storedSession } from './support.ts'

/** The sandbox's token endpoint, where the browser renews the session. */
export const tokenEndpoint = `${sandboxOrigin}/auth/realms/pace/protocol/openid-connect/token`

/** One refresh request as the browser sent it: when the route saw it, and from which tab. */
export interface RefreshAttempt {
  readonly at: number
  readonly tab: Page
}

/**
 * Puts `answer` in front of the token endpoint for refresh grants (sign-ins pass untouched), as a
 * broken server or network would answer. `answer` gets the route and the attempt's 0-based number;
 * the returned list fills as the browser sends.
 */
export async function routeRefreshes(
  context: BrowserContext,
  answer: (route: Route, attempt: number) => Promise<void>,
): Promise<RefreshAttempt[]> {
  const attempts: RefreshAttempt[] = []
  await context.route(tokenEndpoint, async (route) => {
    const request = route.request()
    if (request.method() !== 'POST' || !request.postData()?.includes('grant_type=refresh_token')) {
      return route.fallback()
    }
    attempts.push({ at: Date.now(), tab: request.frame().page() })
    await answer(route, attempts.length - 1)
  })
  return attempts
}

/**
 * An error answer the browser may read: the token endpoint's CORS grant for the app, and
 * `Retry-After` exposed to it, as a gateway in front of a real server must for a browser app to see it.
 */
export function faultAnswer(status: number, headers: Record<string, string>, body: string) {
  return {
    status,
    headers: {
      'access-control-allow-origin': demoOrigin,
      'access-control-expose-headers': 'Retry-After',
      'cache-control': 'no-store',
      ...headers,
    },
    body,
  }
}

/**
 * Signs in, then drops the server's cookies: a session the app loses would otherwise come back
 * by itself (the demo's protected pages send the user to sign in, and the sandbox would let them
 * straight through), hiding the loss from the test.
 */
export async function signInOnce(page: Page, context: BrowserContext): Promise<void> {
  await signInQuickly(page, context)
  await context.clearCookies()
}

/**
 * Signs in once, then shows the session page in `page` and in a second tab: the two tabs the fault
 * tests share a session between. Resolves with the other tab and the token both show.
 */
export async function twoTabsOnSessionPage(
  page: Page,
  context: BrowserContext,
): Promise<{ readonly other: Page; readonly before: string }> {
  await signInOnce(page, context)
  const other = await context.newPage()
  const before = await openSessionPage(page)
  await openSessionPage(other)
  return { other, before }
}

/**
 * The e2e `test` (every page checked for CSP violations) with `blackHole`: the URL of a server that accepts connections and never
 * answers. A route sends a request there to make it hang: unlike a route left unhandled, which
 * Playwright lets through when its tab closes, nothing can let it reach the real server later.
 */
export const test = base.extend<{ blackHole: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture uses from this pattern.
  blackHole: async ({}, use) => {
    const sockets = new Set<Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await use(`http://127.0.0.1:${port}/token`)
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  },
})

/** Opens the demo's session page, which shows the current token, in a tab of `context`. */
export async function openSessionPage(tab: Page): Promise<string> {
  await tab.goto('/session')
  return shownToken(tab)
}

/** The start of the access token the session page shows; it changes with every refresh. */
export async function shownToken(tab: Page): Promise<string> {
  const token = tab.getByTestId('session-token')
  await expect(token).toBeVisible()
  return (await token.textContent()) ?? ''
}

/** Fires the session page's round of ten API calls; each asks payauth for a token first. */
export async function apiCallsSucceed(tab: Page, round: number): Promise<void> {
  await press(tab.getByRole('button', { name: /API calls at once/ }))
  await expect(tab.getByTestId('calls')).toHaveText(`Round ${round}: 10 of 10 calls succeeded`)
}

interface SandboxRefreshLog {
  /** Token requests of this sign-in by grant type: a second sign-in would be another grant. */
  readonly byGrantType: Record<string, number>
  readonly refreshes: readonly { readonly at: number; readonly succeeded: boolean }[]
  readonly reusedRefreshTokens: number
}

/**
 * The refreshes the sandbox received for this tab's sign-in, read with the stored (current) access
 * token: an expired one would not name the sign-in, and the log would be every test's.
 */
export async function sandboxRefreshes(tab: Page): Promise<SandboxRefreshLog> {
  const session = await storedSession(tab, 'demo-spa')
  if (!session) throw new Error('no stored session')
  const response = await tab.request.get(`${sandboxOrigin}/test/token-requests`, {
    params: { access_token: session.accessToken },
  })
  return (await response.json()) as SandboxRefreshLog
}
