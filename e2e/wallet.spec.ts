import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'
import { test } from './cspViolations.ts'
import { press, stepUpForStatements, useAutoLogin } from './support.ts'

test.beforeEach(async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/wallet')
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible()
})

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Confirm it’s you' })

async function enterPin(page: Page, pin: string): Promise<void> {
  await dialog(page).getByLabel('Enter your PIN').fill(pin)
  await press(dialog(page).getByRole('button', { name: 'Verify' }))
}

async function latestCode(page: Page): Promise<string> {
  const outbox = (await (await page.request.get(`${sandboxOrigin}/sandbox/sms-outbox`)).json()) as { code: string }[]
  return outbox[0]?.code ?? ''
}

test('sending money: SCA with the PIN, then the transfer completes', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await expect(dialog(page)).toBeVisible()
  await expect(dialog(page).getByRole('timer')).toContainText(/Time left: 1[45]:\d\d/)
  await enterPin(page, '1234')
  await expect(page.getByTestId('transfer-result')).toHaveText(/Transfer COMPLETED: 25.00 EUR/)
  await expect(dialog(page)).toBeHidden()
})

test('revealing card details with a code sent by SMS, read from the outbox', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Reveal card details' }))
  await press(dialog(page).getByLabel('One-time code by SMS'))
  await press(dialog(page).getByRole('button', { name: 'Send code' }))
  await expect(dialog(page).getByText(/Code sent to \+44 ••• 123/)).toBeVisible()
  await expect(page.getByTestId('sms-outbox')).toContainText('Your payauth sandbox code is')
  await dialog(page)
    .getByLabel('One-time code', { exact: true })
    .fill(await latestCode(page))
  await press(dialog(page).getByRole('button', { name: 'Verify' }))
  await expect(page.getByTestId('card-result')).toContainText('CVV 737')
})

test('a wrong PIN shows the attempts left; using them all fails the operation', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await enterPin(page, '0000')
  await expect(dialog(page).getByRole('alert')).toHaveText('That was not right. Please try again.')
  await expect(dialog(page).getByText('2 attempts left')).toBeVisible()
  await enterPin(page, '1111')
  await expect(dialog(page).getByText('1 attempt left')).toBeVisible()
  await enterPin(page, '2222')
  await expect(dialog(page)).toBeHidden()
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_failed)')
})

test('an expired challenge ends the operation', async ({ page }) => {
  // The sandbox lets a test shorten the challenge window for one operation.
  await page.route('**/wallet/transfers', (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-sandbox-sca-window': '2' } }),
  )
  await press(page.getByRole('button', { name: 'Send money' }))
  await expect(dialog(page)).toBeVisible()
  await expect(dialog(page)).toBeHidden({ timeout: 5_000 })
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_expired)')
})

test('cancel ends the operation', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await press(dialog(page).getByRole('button', { name: 'Cancel' }))
  await expect(dialog(page)).toBeHidden()
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_cancelled)')
})

test('resend waits for its cooldown, then a new code works', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await press(dialog(page).getByLabel('One-time code by SMS'))
  await press(dialog(page).getByRole('button', { name: 'Send code' }))
  const resend = dialog(page).getByRole('button', { name: /Resend code/ })
  await expect(resend).toBeDisabled()
  await expect(resend).toHaveText(/Resend code in \d s/)
  const first = await latestCode(page)
  await expect(resend).toBeEnabled({ timeout: 5_000 })
  await press(resend)
  await expect.poll(() => latestCode(page)).not.toBe(first)
  await dialog(page)
    .getByLabel('One-time code', { exact: true })
    .fill(await latestCode(page))
  await press(dialog(page).getByRole('button', { name: 'Verify' }))
  await expect(page.getByTestId('transfer-result')).toHaveText(/Transfer COMPLETED/)
})

test('two operations at once are verified one after the other', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await expect(dialog(page)).toBeVisible()
  // A second part of the app starts an operation while the first waits (the modal blocks the pointer).
  await page.getByRole('button', { name: 'Reveal card details' }).dispatchEvent('click')
  await expect(dialog(page)).toContainText('(1 more operation waiting)')
  await enterPin(page, '1234')
  await expect(dialog(page)).not.toContainText('more operation waiting')
  await enterPin(page, '1234')
  await expect(page.getByTestId('transfer-result')).toHaveText(/Transfer COMPLETED/)
  await expect(page.getByTestId('card-result')).toContainText('CVV 737')
  await expect(dialog(page)).toBeHidden()
})

test('statements need a stronger sign-in: RFC 9470 step-up and back', async ({ page }) => {
  await stepUpForStatements(page)
  await expect(page).toHaveURL(/\/wallet$/)
  await press(page.getByRole('button', { name: 'View statements' }))
  await expect(page.getByTestId('statements-result')).toContainText('2026-10')
})

test('the SCA dialog has no serious or critical accessibility violations', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Send money' }))
  await expect(dialog(page)).toBeVisible()
  await press(dialog(page).getByLabel('One-time code by SMS'))
  await press(dialog(page).getByRole('button', { name: 'Send code' }))
  await dialog(page).getByLabel('One-time code', { exact: true }).fill('000000')
  await press(dialog(page).getByRole('button', { name: 'Verify' }))
  await expect(dialog(page).getByRole('alert')).toBeVisible()
  const results = await new AxeBuilder({ page }).include('.payauth-sca').analyze()
  const blocking = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
  await press(dialog(page).getByRole('button', { name: 'Cancel' }))
})
