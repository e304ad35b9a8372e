import { expect, type Page } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'
import { test } from './cspViolations.ts'
import { holdBackCallback, press, useAutoLogin } from './support.ts'

async function createIntent(page: Page, options: { ttlSeconds?: number; amount?: string } = {}): Promise<string> {
  await page.goto('/pay')
  await page.getByLabel('Amount (EUR)').fill(options.amount ?? '42.00')
  await page.getByLabel('Intent valid for (s)').fill(String(options.ttlSeconds ?? 600))
  await press(page.getByRole('button', { name: 'Create payment intent' }))
  await expect(page.getByTestId('intent-status')).toHaveText('CREATED')
  return new URL(page.url()).searchParams.get('intent') ?? ''
}

test('authorizes a payment intent with code + PKCE on the bank page and comes back signed in for it', async ({
  page,
}) => {
  const intentId = await createIntent(page, { amount: '17.25' })
  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(page.getByTestId('intent-amount')).toHaveText('17.25 EUR')
  await page.getByLabel('Username').fill('alice')
  await page.getByLabel('Password').fill('alice-pass')
  await press(page.getByRole('button', { name: 'Approve' }))

  await expect(page.getByTestId('session-intent')).toHaveText(intentId)
  await expect(page.getByTestId('intent-status')).toHaveText('CONSUMED')
  await expect(page.getByText('It renews itself.')).toBeVisible()
  expect(new URL(page.url()).search).toBe(`?intent=${intentId}`)
})

test('legacy implicit mode signs in from the fragment, scrubs it, and cannot renew', async ({ page, context }) => {
  await useAutoLogin(context)
  const intentId = await createIntent(page)
  await page.getByLabel('Legacy implicit mode (not recommended)').check()
  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(page.getByTestId('session-intent')).toHaveText(intentId)
  await expect(page.getByTestId('not-renewable')).toBeVisible()
  expect(page.url()).not.toContain('#')
  expect(page.url()).not.toContain('access_token')
})

test('an expired intent is refused with the bank’s reason', async ({ page, context }) => {
  await useAutoLogin(context)
  await createIntent(page, { ttlSeconds: 1 })
  await page.waitForTimeout(1_200)
  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(page.getByRole('alert')).toContainText('INTENT_HAS_EXPIRED')
})

test('a consumed intent is not offered again; a page still showing it is refused by the bank', async ({
  page,
  context,
  browser,
}) => {
  await useAutoLogin(context)
  const intentId = await createIntent(page)
  // Another device has the same payment page open, from before the intent was used.
  const { baseURL, viewport, hasTouch, isMobile, userAgent } = test.info().project.use
  const otherDevice = await browser.newContext({ baseURL, viewport, hasTouch, isMobile, userAgent })
  await otherDevice.addCookies(await context.cookies(sandboxOrigin))
  const stale = await otherDevice.newPage()
  await stale.goto(`/pay?intent=${intentId}`)
  await expect(stale.getByTestId('intent-status')).toHaveText('CREATED')

  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(page.getByTestId('session-intent')).toHaveText(intentId)
  await expect(page.getByTestId('intent-status')).toHaveText('CONSUMED')
  await expect(page.getByTestId('intent-used')).toBeVisible()
  await expect(page.getByRole('button', { name: /Authorize/ })).toHaveCount(0)

  await press(stale.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(stale.getByRole('alert')).toContainText('INTENT_HAS_BEEN_USED_BEFORE')
  await otherDevice.close()
})

test('a tampered state on the way back is refused', async ({ page, context }) => {
  await useAutoLogin(context)
  await createIntent(page)
  const callbackUrl = await holdBackCallback(page, /\/oauth20\/authorize\?/, () =>
    press(page.getByRole('button', { name: 'Authorize with your bank' })),
  )
  const tampered = new URL(callbackUrl)
  tampered.searchParams.set('state', 'attacker-chosen-state')
  await page.goto(tampered.href)
  await expect(page.getByRole('alert')).toContainText('state_mismatch')
})
