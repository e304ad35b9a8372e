import { expect } from '@playwright/test'
import { demoOrigin, sandboxOrigin } from '../playwright.config.ts'
import { test } from './cspViolations.ts'
import { press, signInQuickly, useAutoLogin } from './support.ts'
import { expectPending, headerPages, holdRequest, openFromHeader } from './uxSupport.ts'

const dialog = (page: import('@playwright/test').Page) => page.getByRole('dialog', { name: 'Confirm it’s you' })

test('signing in shows it is under way while it prepares the trip to the sign-in page', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/')
  // The sign-in starts by reading the server's metadata: a slow server holds it there.
  const discovery = await holdRequest(page, /\/auth\/realms\/pace\/\.well-known\/openid-configuration$/)
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await discovery.arrived
  await expectPending(page, 'Signing in…')
  discovery.release()
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeEnabled()
})

test('sending money stays pending through the SCA dialog, then offers the button again', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/wallet')
  const transfer = await holdRequest(page, /\/wallet\/transfers$/)
  await press(page.getByRole('button', { name: 'Send money' }))
  await transfer.arrived
  await expectPending(page, 'Sending…')
  transfer.release()
  await expect(dialog(page)).toBeVisible()
  await dialog(page).getByLabel('Enter your PIN').fill('1234')
  await press(dialog(page).getByRole('button', { name: 'Verify' }))
  await expect(page.getByTestId('transfer-result')).toHaveText(/Transfer COMPLETED/)
  await expect(page.getByRole('button', { name: 'Send money' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Send money' })).not.toHaveAttribute('aria-busy')
})

test('creating an intent and calling the API show they are under way', async ({ page, context }) => {
  await page.goto('/pay')
  const intent = await holdRequest(page, /\/merchant\/intents$/)
  await press(page.getByRole('button', { name: 'Create payment intent' }))
  await intent.arrived
  await expectPending(page, 'Creating the intent…')
  intent.release()
  await expect(page.getByTestId('intent-status')).toHaveText('CREATED')
  await expect(page.getByRole('button', { name: 'Create payment intent' })).toBeEnabled()

  await signInQuickly(page, context)
  await page.goto('/session')
  const calls = await holdRequest(page, /\/protocol\/openid-connect\/userinfo/)
  await press(page.getByRole('button', { name: /API calls at once/ }))
  await calls.arrived
  await expectPending(page, 'Calling…')
  calls.release()
  await expect(page.getByTestId('calls')).toHaveText('Round 1: 10 of 10 calls succeeded')
  await expect(page.getByRole('button', { name: /API calls at once/ })).toBeEnabled()
})

test('the header says who is signed in and marks the page the user is on', async ({ page, context }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'payauth demo' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('header-user')).toHaveCount(0)

  await signInQuickly(page, context)
  await expect(page.getByTestId('header-user')).toContainText('Alice Adler')
  await openFromHeader(page, 'Wallet')
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible()
  const pages = await headerPages(page)
  await expect(pages.getByRole('link', { name: 'Wallet' })).toHaveAttribute('aria-current', 'page')
  await expect(pages.locator('[aria-current]')).toHaveCount(1)
  await expect(page.getByTestId('header-user')).toContainText('Alice Adler')
})

test('a wallet error stays with its operation: the Session page does not repeat it', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/wallet')
  await press(page.getByRole('button', { name: 'Send money' }))
  await press(dialog(page).getByRole('button', { name: 'Cancel' }))
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_cancelled)')

  await openFromHeader(page, 'Session')
  await expect(page.getByRole('heading', { name: 'Session across tabs' })).toBeVisible()
  await expect(page.getByTestId('session-token')).toBeVisible()
  await expect(page.getByText(/sca_cancelled/)).toHaveCount(0)
  await expect(page.locator('main .error')).toHaveCount(0)
})

test('a step-up is explained once, beside the operation that needs it', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/wallet')
  await press(page.getByRole('button', { name: 'View statements' }))
  const notice = page.getByRole('alert', { name: 'Statements need a stronger sign-in' })
  await expect(notice).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(1)
  await expect(page.getByText(/step_up_required/)).toHaveCount(0)

  // "Not now" leaves it; the Session page has nothing to say about it either.
  await press(notice.getByRole('button', { name: 'Not now' }))
  await expect(notice).toBeHidden()
  await openFromHeader(page, 'Session')
  await expect(page.getByTestId('session-token')).toBeVisible()
  await expect(page.getByText(/step_up_required|stronger sign-in/)).toHaveCount(0)
})

test('a failed sign-in on the Pay page leads back to the Pay page, not the app’s home', async ({ page }) => {
  await page.goto('/pay/callback?code=forged-code&state=forged-state')
  await expect(page.getByRole('alert')).toContainText('Sign-in failed')
  await press(page.getByRole('link', { name: 'Back to the start' }))
  await expect(page.getByRole('heading', { name: 'Pay by bank', level: 1 })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/pay')
})

test('with the sign-in server down, the message says so rather than blaming the network', async ({ page, context }) => {
  // As a stopped server looks to the browser: nothing listens there.
  await page.route(`${sandboxOrigin}/auth/realms/pace/.well-known/openid-configuration`, (route) =>
    route.abort('connectionrefused'),
  )
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The sign-in server could not be reached')
  await expect(alert).not.toContainText(/your (network|connection)/i)
  await page.unroute(`${sandboxOrigin}/auth/realms/pace/.well-known/openid-configuration`)

  // The server goes down between the sign-in page and the code's redemption.
  await useAutoLogin(context)
  await page.route(`${sandboxOrigin}/auth/realms/pace/protocol/openid-connect/token`, (route) =>
    route.abort('connectionrefused'),
  )
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await expect(page).toHaveURL(new RegExp(`^${demoOrigin}/callback`))
  await expect(page.getByRole('alert')).toContainText('The sign-in server could not be reached')
})
