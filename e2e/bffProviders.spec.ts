import AxeBuilder from '@axe-core/playwright'
import { getpaidDemoClient, paysafeDemoClient, picpayDemoClient } from '@payauth/sandbox'
import { expect, type Page } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'
import { recordResponses, signInThroughBackend } from './bffSupport.ts'
import { test } from './cspViolations.ts'
import { press, useAutoLogin } from './support.ts'

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').analyze()
  const blocking = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

/** Token requests the provider's stand-in has counted for the demo's credential (all tests together). */
async function tokenRequestsOf(page: Page, provider: string, clientId: string): Promise<number> {
  const response = await page.request.get(
    `${sandboxOrigin}/test/providers/${provider}/token-requests?client_id=${encodeURIComponent(clientId)}`,
  )
  return ((await response.json()) as { total: number }).total
}

const providers = [
  { page: '/picpay', name: 'PicPay', sandboxName: 'picpay', clientId: picpayDemoClient.clientId, shows: '"pl-1"' },
  {
    page: '/getpaid',
    name: 'getpaid',
    sandboxName: 'getpaid',
    clientId: getpaidDemoClient.clientId,
    shows: '"acct_1"',
  },
  { page: '/paysafe', name: 'Paysafe', sandboxName: 'paysafe', clientId: paysafeDemoClient.clientId, shows: '"alice"' },
]

test('PicPay, getpaid and Paysafe answer through the backend, which keeps their tokens to itself', async ({
  page,
  context,
}) => {
  const responses = recordResponses(context)
  await signInThroughBackend(page, context)
  await expectNoSeriousAxeViolations(page)

  for (const provider of providers) {
    await page.goto(provider.page)
    await expect(page.getByRole('heading', { name: `${provider.name} through the backend` })).toBeVisible()
    await press(page.getByRole('button', { name: /through the backend$/ }))
    const result = page.getByTestId('provider-result')
    await expect(result).toContainText(`${provider.name} answered 200 for alice`)
    await expect(result).toContainText(provider.shows)
    // The backend got its token from the provider's token endpoint, with the demo's credential.
    expect(await tokenRequestsOf(page, provider.sandboxName, provider.clientId)).toBeGreaterThanOrEqual(1)
    await expectNoSeriousAxeViolations(page)
  }

  // Every provider token is a JWT; PACE's are opaque, and the session cookie is encrypted (JWE).
  const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/
  expect((await responses()).filter((seen) => jwt.test(seen))).toEqual([])
})

test('a provider page asks for a sign-in through the backend first', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/getpaid')
  await expectNoSeriousAxeViolations(page)
  await press(page.getByRole('button', { name: 'Sign in through the backend' }))
  await press(page.getByRole('button', { name: 'Fetch the merchant accounts through the backend' }))
  await expect(page.getByTestId('provider-result')).toContainText('getpaid answered 200 for alice')
  expect(new URL(page.url()).pathname).toBe('/getpaid')
})

test('pay by bank through the backend: it creates the intent, the bank approves it, the page is signed in for it', async ({
  page,
}) => {
  await page.goto('/pay-backend')
  await expectNoSeriousAxeViolations(page)
  await page.getByLabel('Amount (EUR)').fill('17.25')
  // The backend sends the browser to the bank with the intent it created.
  const authorize = page.waitForRequest(/\/oauth20\/authorize\?/)
  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  const intentId = new URL((await authorize).url()).searchParams.get('intentid') ?? 'none'
  await expect(page.getByTestId('intent-amount')).toHaveText('17.25 EUR')
  await page.getByLabel('Username').fill('alice')
  await page.getByLabel('Password').fill('alice-pass')
  await press(page.getByRole('button', { name: 'Approve' }))

  await expect(page.getByTestId('backend-intent')).toHaveText(intentId)
  await expectNoSeriousAxeViolations(page)
  await page.reload()
  await expect(page.getByTestId('backend-intent')).toHaveText(intentId)
  // Signing out ends with a page load (the backend's logout URL): the test waits for it, since a
  // context closed while a navigation drains can hang Chromium's close (1 run in 12 here).
  const landed = page.waitForEvent('load')
  await press(page.getByRole('button', { name: 'Sign out' }))
  await expect(page.getByTestId('pay-backend-session')).toBeHidden()
  await landed
  await expect(page.getByRole('button', { name: 'Authorize with your bank' })).toBeVisible()
})
