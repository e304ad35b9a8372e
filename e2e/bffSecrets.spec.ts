import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  getpaidDemoClient,
  merchantBackendClientSecret,
  paceBffClientSecret,
  paysafeDemoClient,
  picpayDemoClient,
} from '@payauth/sandbox'
import { expect } from '@playwright/test'
import { demoOrigin, e2eSessionKey } from '../playwright.config.ts'
import {
  openSessionCookie,
  recordResponses,
  scriptReadableState,
  sessionCookie,
  signInThroughBackend,
} from './bffSupport.ts'
import { test } from './cspViolations.ts'
import { press, storedSession } from './support.ts'

/** Everything only the backend may know, by what it is. */
const backendSecrets: Record<string, string> = {
  'PACE client secret': paceBffClientSecret,
  'oauth20 merchant client secret': merchantBackendClientSecret,
  'PicPay client secret': picpayDemoClient.clientSecret,
  'getpaid client secret': getpaidDemoClient.clientSecret,
  'Paysafe client secret': paysafeDemoClient.clientSecret,
  'session key': e2eSessionKey,
}

/** The names of the secrets found in `texts`, raw or URL-encoded (as HTTP Basic and forms would carry them). */
function secretsIn(texts: readonly string[], secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => texts.some((text) => text.includes(secret) || text.includes(encodeURIComponent(secret))))
    .map(([name]) => name)
}

function filesBelow(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    return statSync(path).isDirectory() ? filesBelow(path) : [path]
  })
}

test('the built SPA holds none of the backend’s secrets', () => {
  const assets = filesBelow(new URL('../apps/demo/dist', import.meta.url).pathname)
  expect(assets.length).toBeGreaterThan(0)
  expect(
    secretsIn(
      assets.map((path) => readFileSync(path, 'utf8')),
      backendSecrets,
    ),
  ).toEqual([])
})

test('no client secret, session key or refresh token reaches the browser: responses, cookies, storage, IndexedDB', async ({
  page,
  context,
}) => {
  test.slow()
  const responses = recordResponses(context)
  const refreshTokens = new Set<string>()
  const keepRefreshToken = async () =>
    refreshTokens.add((await openSessionCookie((await sessionCookie(context, demoOrigin)).value)).refreshToken)

  await signInThroughBackend(page, context)
  await keepRefreshToken()
  // Renewals rotate the refresh token inside the cookie: look for the new one too.
  const first = await storedSession(page, 'backend')
  await expect
    .poll(async () => (await storedSession(page, 'backend'))?.accessToken, { timeout: 15_000 })
    .not.toBe(first?.accessToken)
  await expect.poll(async () => (await keepRefreshToken()).size).toBeGreaterThan(1)
  await page.reload()
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')

  for (const provider of ['/picpay', '/getpaid', '/paysafe']) {
    await page.goto(provider)
    await press(page.getByRole('button', { name: /through the backend$/ }))
    await expect(page.getByTestId('provider-result')).toContainText('answered 200')
  }
  // The merchant backend's secret is used to create an intent.
  const created = await page.evaluate(() =>
    fetch('/pay/bff/intents', {
      method: 'POST',
      headers: { 'x-payauth-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'payments', amount: '5.00', currency: 'EUR' }),
    }).then(async (response) => {
      await response.json()
      return response.status
    }),
  )
  expect(created).toBe(201)

  const readable = await scriptReadableState(page)
  const seen = [...(await responses()), readable]
  expect(seen.length).toBeGreaterThan(20)
  const refreshTokensByName = Object.fromEntries(
    [...refreshTokens].map((token, index) => [`refresh token ${index}`, token]),
  )
  expect(secretsIn(seen, { ...backendSecrets, ...refreshTokensByName })).toEqual([])
})
