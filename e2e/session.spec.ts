import { type APIRequestContext, type BrowserContext, expect, type Page } from '@playwright/test'
import { accessTokenTtlSeconds, sandboxOrigin } from '../playwright.config.ts'
import { test } from './cspViolations.ts'
import { press, signInQuickly, signOut, storedSession, useAutoLogin } from './support.ts'

interface TokenRequestLog {
  byGrantType: Record<string, number>
  refreshes: { at: number; succeeded: boolean }[]
  reusedRefreshTokens: number
}

for (const browserKind of ['with Web Locks', 'without Web Locks (an IndexedDB lease instead)']) {
  test(`three tabs firing concurrent calls share one refresh per expiry and stay signed in, ${browserKind}`, async ({
    page,
    context,
    request,
  }) => {
    test.slow()
    if (browserKind.startsWith('without')) {
      // As in Safari before 15.4: payauth falls back to its IndexedDB lease lock.
      await context.addInitScript(() => Object.defineProperty(navigator, 'locks', { value: undefined }))
    }
    await threeTabs(page, context, request)
  })
}

async function threeTabs(page: Page, context: BrowserContext, request: APIRequestContext): Promise<void> {
  await signInQuickly(page, context)
  const tabs = [page, await context.newPage(), await context.newPage()]
  for (const tab of tabs) {
    await tab.goto('/session')
    await expect(tab.getByTestId('session-token')).toBeVisible()
  }

  const started = Date.now()
  const rounds = 12
  for (let round = 1; round <= rounds; round++) {
    await Promise.all(tabs.map((tab) => press(tab.getByRole('button', { name: /API calls at once/ }))))
    for (const tab of tabs) {
      await expect(tab.getByTestId('calls')).toHaveText(`Round ${round}: 10 of 10 calls succeeded`)
    }
    await page.waitForTimeout(1_000)
  }
  const elapsedSeconds = (Date.now() - started) / 1000

  const session = await storedSession(page, 'demo-spa')
  if (!session) throw new Error('no stored session')
  const log = (await (
    await request.get(`${sandboxOrigin}/test/token-requests?access_token=${session.accessToken}`)
  ).json()) as TokenRequestLog

  expect(log.reusedRefreshTokens).toBe(0)
  expect(log.refreshes.every((refresh) => refresh.succeeded)).toBe(true)
  // Several expiries passed, and each was met by exactly one refresh: never two close together.
  expect(log.refreshes.length).toBeGreaterThanOrEqual(Math.floor(elapsedSeconds / accessTokenTtlSeconds))
  const gaps = log.refreshes.slice(1).map((refresh, index) => refresh.at - (log.refreshes[index]?.at ?? 0))
  for (const gap of gaps) expect(gap).toBeGreaterThan((accessTokenTtlSeconds * 1000) / 2)
  for (const tab of tabs) await expect(tab.getByTestId('session-token')).toBeVisible()
}

test('signing out in one tab signs out every tab; the server refuses the old refresh token', async ({
  page,
  context,
  request,
}) => {
  await signInQuickly(page, context)
  const other = await context.newPage()
  await other.goto('/')
  await expect(other.getByTestId('user-name')).toHaveText('Alice Adler')
  const session = await storedSession(page, 'demo-spa')
  if (!session) throw new Error('no stored session')

  await signOut(page)
  await expect(other.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  expect(await storedSession(other, 'demo-spa')).toBeNull()

  const reuse = await request.post(`${sandboxOrigin}/auth/realms/pace/protocol/openid-connect/token`, {
    form: { grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: 'demo-spa' },
  })
  expect(reuse.status()).toBe(400)
  expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant')

  // The server session ended too: signing in again asks for the password.
  await context.clearCookies()
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await expect(page.getByLabel('Password')).toBeVisible()
})

test('a background tab whose timers were frozen refreshes when it becomes visible', async ({ page, context }) => {
  await signInQuickly(page, context)
  const background = await context.newPage()
  await background.goto('/session')
  const before = await background.getByTestId('session-token').textContent()
  await page.close() // the background tab is now the only one that can refresh

  const cdp = await context.newCDPSession(background)
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })
  await new Promise((resolve) => setTimeout(resolve, (accessTokenTtlSeconds + 2) * 1000))
  await cdp.send('Page.setWebLifecycleState', { state: 'active' })
  await background.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))

  await expect(background.getByTestId('session-token')).not.toHaveText(before ?? '')
  await press(background.getByRole('button', { name: /API calls at once/ }))
  await expect(background.getByTestId('calls')).toHaveText('Round 1: 10 of 10 calls succeeded')
})

test('DPoP: the token is bound to the browser key, and the binding survives a reload', async ({
  page,
  context,
  request,
}) => {
  await useAutoLogin(context)
  await page.goto('/dpop')
  await press(page.getByRole('button', { name: 'Sign in with DPoP' }))
  await expect(page.getByTestId('token-type')).toHaveText('DPoP')

  const boundKey = async (accessToken: string) =>
    (await (await request.post(`${sandboxOrigin}/test/access-token`, { form: { token: accessToken } })).json()) as {
      jkt: string
    }
  const first = await storedSession(page, 'demo-spa-dpop')
  if (!first?.keyThumbprint) throw new Error('no DPoP key stored')
  expect((await boundKey(first.accessToken)).jkt).toBe(first.keyThumbprint)

  await page.reload()
  const shown = await page.getByTestId('dpop-token').textContent()
  // A refresh after the reload signs its proof with the same stored key.
  await expect(page.getByTestId('dpop-token')).not.toHaveText(shown ?? '', { timeout: accessTokenTtlSeconds * 2000 })
  const afterReload = await storedSession(page, 'demo-spa-dpop')
  if (!afterReload) throw new Error('no stored session')
  expect(afterReload.accessToken).not.toBe(first.accessToken)
  expect(afterReload.keyThumbprint).toBe(first.keyThumbprint)
  expect((await boundKey(afterReload.accessToken)).jkt).toBe(first.keyThumbprint)
})
