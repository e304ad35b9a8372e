import { expect } from '@playwright/test'
import { test } from './cspViolations.ts'
import {
  holdBackCallback,
  indexedDbKeys,
  press,
  signInWithForm,
  signOut,
  useAutoLogin,
  webStorageContents,
} from './support.ts'

test('signs in through the login form, survives a reload, and signs out', async ({ page }) => {
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))

  await expect(page.getByRole('heading', { name: /Sign in to PACE/ })).toBeVisible()
  await signInWithForm(page, 'alice', 'alice-pass')
  await expect(page.getByRole('heading', { name: /Grant access/ })).toBeVisible()
  await press(page.getByRole('button', { name: 'Allow' }))

  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  await expect(page.getByTestId('scopes')).toContainText('payment:payment-methods:read:authenticated')
  await expect(page.getByTestId('expires-at')).toContainText(/in \d/)
  // The code and state left the address bar and history.
  expect(new URL(page.url()).search).toBe('')

  const sessionKeys = (await indexedDbKeys(page)).filter((key) => key.endsWith(':session'))
  expect(sessionKeys).toHaveLength(1)
  const storage = await webStorageContents(page)
  expect(storage).toBe('{}{}')

  await page.reload()
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')

  await signOut(page)
  expect((await indexedDbKeys(page)).filter((key) => key.endsWith(':session'))).toHaveLength(0)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})

test('refuses a wrong password on the login form', async ({ page }) => {
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await signInWithForm(page, 'alice', 'not-her-password')
  await expect(page.getByRole('alert')).toHaveText('Invalid username or password.')
  await signInWithForm(page, 'bob', 'bob-pass')
  await press(page.getByRole('button', { name: 'Allow' }))
  await expect(page.getByTestId('user-name')).toHaveText('Bob Brandt')
})

test('brings the user back to the protected page they asked for', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/account')
  await expect(page.getByTestId('protected')).toContainText('Hello, Alice Adler')
  expect(new URL(page.url()).pathname).toBe('/account')
})

test('shows a readable error when the user denies consent', async ({ page }) => {
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await signInWithForm(page, 'alice', 'alice-pass')
  await press(page.getByRole('button', { name: 'Deny' }))
  await expect(page.getByRole('alert')).toContainText('You declined the sign-in (access_denied)')
  expect(new URL(page.url()).search).toBe('')
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})

test('rejects a callback whose state was tampered with', async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/')
  const callbackUrl = await holdBackCallback(page, /\/protocol\/openid-connect\/auth\?/, () =>
    press(page.getByRole('button', { name: 'Sign in', exact: true })),
  )

  const tampered = new URL(callbackUrl)
  tampered.searchParams.set('state', 'attacker-chosen-state')
  await page.goto(tampered.href)
  await expect(page.getByRole('alert')).toContainText('state_mismatch')
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})

test('rejects a replayed callback URL', async ({ page, context }) => {
  await useAutoLogin(context)
  let callbackUrl = ''
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().includes('/callback?')) callbackUrl = request.url()
  })
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  await signOut(page)

  await page.goto(callbackUrl)
  await expect(page.getByRole('alert')).toContainText('state_used')
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})
