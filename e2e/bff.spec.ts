import { paceBffClientId, paceBffClientSecret } from '@payauth/sandbox'
import { expect } from '@playwright/test'
import { demoOrigin, sandboxOrigin } from '../playwright.config.ts'
import {
  callFromPage,
  openSessionCookie,
  sessionCookie,
  sessionCookieName,
  signInThroughBackend,
  tokenRequestLog,
} from './bffSupport.ts'
import { test } from './cspViolations.ts'
import { press, signInWithForm, stepUpForStatements, storedSession } from './support.ts'

/** The backend() client's stored session: what the page itself keeps of the sign-in. */
const pageSession = (page: Parameters<typeof storedSession>[0]) => storedSession(page, 'backend')

test('signs in through the backend with the login form; a reload keeps the session; the backend renews the token', async ({
  page,
}) => {
  await page.goto('/backend')
  await press(page.getByRole('button', { name: 'Sign in through the backend' }))
  await signInWithForm(page, 'alice', 'alice-pass')
  await press(page.getByRole('button', { name: 'Allow' }))
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')
  expect(page.url()).toBe(`${demoOrigin}/backend`)

  // A reload asks the backend, not the provider: no trip to the sandbox's pages.
  const sandboxVisits: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith(sandboxOrigin)) sandboxVisits.push(frame.url())
  })
  await page.reload()
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')
  expect(sandboxVisits).toEqual([])

  // Access tokens live 5 s here: the page soon holds one the backend renewed with its refresh token.
  const first = await pageSession(page)
  if (!first) throw new Error('the page stored no session')
  expect(first.refreshToken).toBeUndefined()
  await expect.poll(async () => (await pageSession(page))?.accessToken, { timeout: 15_000 }).not.toBe(first.accessToken)
  await press(page.getByRole('button', { name: 'Call the API with auth.fetch' }))
  await expect(page.getByTestId('bff-api-result')).toHaveText('Call 1: the API says you are Alice Adler.')

  const renewed = await pageSession(page)
  if (!renewed) throw new Error('the session is gone')
  const log = await tokenRequestLog(page, renewed.accessToken)
  expect(log.byGrantType.authorization_code).toBe(1)
  expect(log.refreshes.length).toBeGreaterThanOrEqual(1)
  expect(log.refreshes.every((refresh) => refresh.succeeded)).toBe(true)
  expect(log.reusedRefreshTokens).toBe(0)
})

test('a browser clock a minute ahead of the backend does not ask for tokens in a loop', async ({ page, context }) => {
  // Phones and VMs without time sync drift; the backend's expiry times are on the server's clock.
  await context.addInitScript(() => {
    const serverNow = Date.now
    Date.now = () => serverNow() + 60_000
  })
  const tokenRequests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/bff/access-token') tokenRequests.push(request.url())
  })
  await signInThroughBackend(page, context)
  const first = await pageSession(page)
  // Two renewals: two expiries of the 5 s token.
  let renewals = 0
  let current = first?.accessToken
  await expect
    .poll(
      async () => {
        const latest = (await pageSession(page))?.accessToken
        if (latest !== current) {
          renewals++
          current = latest
        }
        return renewals
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(2)
  // A few per expiry at most (asking a moment before the backend renews gets the same token back), not hundreds.
  expect(tokenRequests.length).toBeLessThan(5 * (renewals + 1))
})

test('signing out ends the backend session and revokes its refresh token; a reload stays signed out', async ({
  page,
  context,
}) => {
  await signInThroughBackend(page, context)
  const { refreshToken } = await openSessionCookie((await sessionCookie(context, demoOrigin)).value)

  const leftForLogout = page.waitForURL(/\/protocol\/openid-connect\/logout/)
  await press(page.getByRole('button', { name: 'Sign out' }))
  await leftForLogout
  // Without an ID token in the browser to hint with, the provider asks before ending its session.
  await press(page.getByRole('button', { name: 'Sign out' }))
  await page.waitForURL(`${demoOrigin}/backend`)
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()
  expect((await context.cookies(demoOrigin)).map((cookie) => cookie.name)).not.toContain(sessionCookieName)
  expect(await pageSession(page)).toBeNull()
  expect((await callFromPage(page, '/bff/session')).body).toEqual({ signedIn: false })

  // The provider revoked the refresh token (RFC 7009): the backend's own client cannot use it either.
  const reuse = await page.request.post(`${sandboxOrigin}/auth/realms/pace/protocol/openid-connect/token`, {
    form: { grant_type: 'refresh_token', refresh_token: refreshToken },
    headers: { authorization: `Basic ${btoa(`${paceBffClientId}:${paceBffClientSecret}`)}` },
  })
  expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant')
})

test('a sign-out the backend did not hear is sent again on the next load: the user is not signed back in', async ({
  page,
  context,
}) => {
  await signInThroughBackend(page, context)
  // The connection drops just as the user signs out (a train into a tunnel).
  await page.route('**/bff/logout*', (route) => route.abort('internetdisconnected'))
  await press(page.getByRole('button', { name: 'Sign out' }))
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()
  expect((await callFromPage(page, '/bff/session')).body).toMatchObject({ signedIn: true })

  // Reloaded while still offline to the backend: no session comes back from it.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()
  expect(await pageSession(page)).toBeNull()

  // Back online: the next load sends the sign-out again, and the backend's session ends.
  await page.unroute('**/bff/logout*')
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()
  await expect.poll(async () => (await callFromPage(page, '/bff/session')).body).toEqual({ signedIn: false })
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign in through the backend' })).toBeVisible()
  expect(await pageSession(page)).toBeNull()
})

test('the session cookie is HttpOnly, Secure and SameSite=Strict, out of reach of scripts', async ({
  page,
  context,
}) => {
  await signInThroughBackend(page, context)
  const cookie = await sessionCookie(context, demoOrigin)
  expect({ httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite, path: cookie.path }).toEqual({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
  })
  expect(await page.evaluate(() => document.cookie)).not.toContain(sessionCookieName)
})

test('requests without the CSRF header, or from another origin, are refused and leave the session alone', async ({
  page,
  context,
}) => {
  await signInThroughBackend(page, context)

  const logout = await callFromPage(page, '/bff/logout', { method: 'POST', csrfHeader: false })
  expect(logout).toMatchObject({ status: 403, body: { error: 'csrf_rejected' } })
  const providerCall = await callFromPage(page, '/providers/picpay/payment-links', { csrfHeader: false })
  expect(providerCall).toMatchObject({ status: 403, body: { error: 'csrf_rejected' } })

  // Another origin of the same site (the cookie goes along): a form post, which needs no preflight.
  const attacker = await context.newPage()
  await attacker.goto(`${sandboxOrigin}/healthz`)
  await attacker.evaluate((action) => {
    const form = document.createElement('form')
    form.method = 'POST'
    form.action = action
    document.body.append(form)
    form.submit()
  }, `${demoOrigin}/bff/logout`)
  await expect(attacker.locator('body')).toContainText('csrf_rejected')
  // And a fetch with the header: the preflight finds no CORS grant, so it is never sent.
  await attacker.goto(`${sandboxOrigin}/healthz`)
  const withHeader = await attacker.evaluate(
    (url) =>
      fetch(url, { method: 'POST', credentials: 'include', headers: { 'x-payauth-csrf': '1' } }).then(
        (response) => `answered ${response.status}`,
        () => 'blocked',
      ),
    `${demoOrigin}/bff/logout`,
  )
  expect(withHeader).toBe('blocked')

  expect((await callFromPage(page, '/bff/session')).body).toMatchObject({ signedIn: true })
  await page.reload()
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')
})

test('the wallet’s statements need a stronger sign-in: RFC 9470 step-up through the backend and back', async ({
  page,
  context,
}) => {
  await signInThroughBackend(page, context)
  // The backend sends acr_values on, or the provider would not ask for the PIN.
  await stepUpForStatements(page)
  await expect(page.getByTestId('bff-user-name')).toHaveText('Alice Adler')
  expect(page.url()).toBe(`${demoOrigin}/backend`)
  // The page came back with the backend's new session, not the token it stored before the step-up.
  await press(page.getByRole('button', { name: 'View statements' }))
  await expect(page.getByTestId('bff-statements-result')).toContainText('2026-10')
})
