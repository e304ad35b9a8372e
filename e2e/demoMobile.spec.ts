import { expect, type Page } from '@playwright/test'
import { test } from './cspViolations.ts'
import { press, useAutoLogin } from './support.ts'

/**
 * The demo on phones, in the mobile project only (playwright.config.ts): Pixel 7's own 412 px and
 * a 390 px screen (iPhone 12 to 15). The screenshots are compared with committed baselines
 * (e2e/__screenshots__); `pnpm exec playwright test e2e/demoMobile.spec.ts --update-snapshots`
 * writes them again after a deliberate change of the layout.
 */

/** Enough room for the sandbox's SMS toast at the top of the screen, even on two lines. */
const belowSmsToast = 80

/** Anything that changes from run to run: token previews, countdowns. */
const changing = (page: Page) => [page.locator('main code').filter({ hasText: '…' }), page.getByRole('timer')]

for (const screen of [
  { name: 'pixel7', viewport: undefined },
  { name: '390', viewport: { width: 390, height: 844 } },
]) {
  test.describe(`on a ${screen.name === 'pixel7' ? 'Pixel 7 (412 px)' : '390 px'} screen`, () => {
    if (screen.viewport) test.use({ viewport: screen.viewport })

    test('the home page and its table of sandbox users', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('table')).toBeVisible()
      await expect(page.getByRole('button', { name: 'Sign in with a popup' })).toBeVisible()
      await expect(page).toHaveScreenshot(`home-${screen.name}.png`, { fullPage: true })
    })

    test('a signed-in page: who is signed in, and the menu with the current page', async ({ page, context }) => {
      await useAutoLogin(context)
      await page.goto('/account')
      await expect(page.getByTestId('protected')).toContainText('Alice Adler')
      await expect(page.getByTestId('header-user')).toContainText('Alice Adler')
      await expect(page).toHaveScreenshot(`account-${screen.name}.png`, { mask: changing(page) })

      await press(page.getByRole('button', { name: 'Menu' }))
      const current = page.getByRole('link', { name: 'Payment methods', exact: true })
      await expect(current).toHaveAttribute('aria-current', 'page')
      await expect(page).toHaveScreenshot(`account-menu-${screen.name}.png`, { mask: changing(page) })
    })

    test('the SCA dialog says what is being approved', async ({ page, context }) => {
      await useAutoLogin(context)
      await page.goto('/wallet')
      await press(page.getByRole('button', { name: 'Send money' }))
      const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' })
      await expect(dialog.getByTestId('sca-summary')).toContainText('€25.00')
      await expect(dialog.getByLabel('Enter your PIN')).toBeFocused()
      // The whole screen, to show where the dialog sits, from below the sandbox's SMS toast (the
      // latest code "sent" by any test, or none): the dialog and the page behind its backdrop.
      const { width, height } = page.viewportSize() ?? { width: 0, height: 0 }
      await expect(page).toHaveScreenshot(`sca-dialog-${screen.name}.png`, {
        mask: changing(page),
        clip: { x: 0, y: belowSmsToast, width, height: height - belowSmsToast },
      })
      await press(dialog.getByRole('button', { name: 'Cancel' }))
    })
  })
}

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  /** Whether the page is wider than the screen, i.e. scrolls sideways. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
    })

  async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
    const { scrollWidth, clientWidth } = await overflow(page)
    expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${clientWidth} px screen`).toBeLessThanOrEqual(
      clientWidth,
    )
  }

  test('no page scrolls sideways, the menu open or closed', async ({ page, context }) => {
    await useAutoLogin(context)
    await page.goto('/')
    await press(page.getByRole('button', { name: 'Sign in', exact: true }))
    await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
    const pages = [
      '/',
      '/account',
      '/wallet',
      '/session',
      '/dpop',
      '/pay',
      '/backend',
      '/paysafe',
      '/picpay',
      '/getpaid',
    ]
    for (const path of [...pages, '/pay-backend']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSidewaysScroll(page, path)
    }
    await press(page.getByRole('button', { name: 'Menu' }))
    await expect(page.getByRole('navigation', { name: 'Demo pages' })).toBeVisible()
    await expectNoSidewaysScroll(page, '/pay-backend with the menu open')

    // The pages with the most text once used: an intent, and the SCA dialog.
    await page.goto('/pay')
    await press(page.getByRole('button', { name: 'Create payment intent' }))
    await expect(page.getByTestId('intent-status')).toHaveText('CREATED')
    await expectNoSidewaysScroll(page, '/pay with an intent')
    await page.goto('/wallet')
    await press(page.getByRole('button', { name: 'Send money' }))
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectNoSidewaysScroll(page, '/wallet with the SCA dialog')
  })
})
