import { expect, type Page } from '@playwright/test'
import { accessTokenTtlSeconds } from '../playwright.config.ts'
import {
  apiCallsSucceed,
  openSessionPage,
  routeRefreshes,
  sandboxRefreshes,
  shownToken,
  signInOnce,
  test,
  twoTabsOnSessionPage,
} from './faultSupport.ts'
import { press, signInQuickly, signOut, useAutoLogin } from './support.ts'
import { openFromHeader } from './uxSupport.ts'

test('the tab holding the refresh lock closes mid-refresh: another tab takes over with one refresh', async ({
  page,
  context,
  blackHole,
}) => {
  const { other, before } = await twoTabsOnSessionPage(page, context)
  // The first refresh hangs; the other tab's waits for the lock meanwhile.
  const attempts = await routeRefreshes(context, (route, attempt) =>
    attempt === 0 ? route.continue({ url: blackHole }) : route.fallback(),
  )
  await expect.poll(() => attempts.length).toBe(1)
  const holder = attempts[0]?.tab
  const survivor = holder === page ? other : page
  const closedAt = Date.now()
  await holder?.close()

  await expect(survivor.getByTestId('session-token')).not.toHaveText(before)
  const newTab = await context.newPage()
  expect(await openSessionPage(newTab)).toBe(await survivor.getByTestId('session-token').textContent())
  expect(attempts).toHaveLength(2)
  expect(attempts[1]?.at).toBeGreaterThanOrEqual(closedAt)
  const log = await sandboxRefreshes(survivor)
  expect(log.byGrantType).toEqual({ authorization_code: 1, refresh_token: 1 })
  expect(log.refreshes[0]?.succeeded).toBe(true)
  await apiCallsSucceed(newTab, 1)
})

const withoutIndexedDb = {
  'IndexedDB missing': () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
  'IndexedDB refusing to open, as in private mode': () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      )
    }
  },
}

for (const [name, script] of Object.entries(withoutIndexedDb)) {
  test(`${name}: sign-in works, with the session in memory, and the app says so`, async ({ page, context }) => {
    await context.addInitScript(script)
    await useAutoLogin(context)
    await page.goto('/')
    // A redirect would lose the pending sign-in with the page: it happens in a popup.
    const popup = page.waitForEvent('popup')
    await press(page.getByRole('button', { name: 'Sign in', exact: true }))
    const signInWindow = await popup
    await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
    await expect.poll(() => signInWindow.isClosed()).toBe(true)
    await expect(page.getByRole('note')).toContainText('kept in memory only')
    // The session lives on in the page, through a refresh, and with the page it ends.
    await openFromHeader(page, 'Session')
    const first = await shownToken(page)
    await expect(page.getByTestId('session-token')).not.toHaveText(first)
    await apiCallsSucceed(page, 1)
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  })
}

const minutes = 60_000
// Two hours ahead puts the sandbox's hour-long ID token past its `exp` on the device's clock: only
// the skew read from the token response's `iat` (oauth/clockSkew.ts) makes it acceptable (without
// it this case fails). Behind, an `iat` in the future is not refused; the case proves it stays so.
for (const [name, offset] of [
  ['10 minutes ahead', 10 * minutes],
  ['10 minutes behind', -10 * minutes],
  ['2 hours ahead', 120 * minutes],
  ['2 hours behind', -120 * minutes],
] as const) {
  test(`a device clock ${name}: sign-in completes, and the session refreshes once per token`, async ({
    page,
    context,
  }) => {
    await context.addInitScript((offset) => {
      const RealDate = Date
      // Every reading of the clock in the page, `new Date()` and `Date.now()`, is off by `offset`.
      class SkewedDate extends RealDate {
        constructor(...args: ConstructorParameters<DateConstructor> | []) {
          if (args.length === 0) super(RealDate.now() + offset)
          else super(...(args as ConstructorParameters<DateConstructor>))
        }
        static override now() {
          return RealDate.now() + offset
        }
      }
      globalThis.Date = SkewedDate as DateConstructor
    }, offset)
    await signInOnce(page, context)
    await openSessionPage(page)
    // The page's clock is the skewed one (to within a slow machine's minute).
    expect(Math.abs((await page.evaluate(() => Date.now())) - Date.now() - offset)).toBeLessThan(60_000)
    const attempts = await routeRefreshes(context, (route) => route.fallback())
    // Two tokens' lifetimes go by: each is met by one refresh, neither in a loop nor not at all.
    await expect.poll(() => attempts.length, { timeout: accessTokenTtlSeconds * 3000 }).toBeGreaterThanOrEqual(2)
    const gaps = attempts.slice(1).map((attempt, index) => attempt.at - (attempts[index]?.at ?? 0))
    for (const gap of gaps) expect(gap).toBeGreaterThan((accessTokenTtlSeconds * 1000) / 2)
    await apiCallsSucceed(page, 1)
    const log = await sandboxRefreshes(page)
    expect(log.byGrantType.authorization_code).toBe(1)
    expect(log.refreshes.every((refresh) => refresh.succeeded)).toBe(true)
  })
}

test('BroadcastChannel missing: two tabs share one refresh per token, and a sign-out reaches both', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => Reflect.deleteProperty(window, 'BroadcastChannel'))
  await signInQuickly(page, context)
  const other = await context.newPage()
  await other.goto('/')
  const expiry = (tab: Page) => tab.getByTestId('expires-at').getAttribute('datetime')
  const before = await expiry(page)
  expect(await expiry(other)).toBe(before)
  const attempts = await routeRefreshes(context, (route) => route.fallback())
  // One token's expiry: both tabs move to the next token, which one request fetched.
  for (const tab of [page, other]) await expect.poll(() => expiry(tab)).not.toBe(before)
  expect(await expiry(other)).toBe(await expiry(page))
  expect(attempts).toHaveLength(1)

  await signOut(page)
  await expect(other.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})
