import { expect, type Page } from '@playwright/test'
import { demoOrigin } from '../playwright.config.ts'
import { test } from './cspViolations.ts'
import { press, signInWithForm, useAutoLogin } from './support.ts'

const popupButton = (page: Page) => page.getByRole('button', { name: 'Sign in with a popup' })

/** Presses the popup sign-in button and resolves with the popup it opened. */
async function openPopup(page: Page): Promise<Page> {
  const opened = page.waitForEvent('popup')
  await press(popupButton(page))
  return opened
}

/** Marks the page, so a test can tell it stayed (a popup sign-in) from a reload (a redirect). */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    ;(window as { stayed?: boolean }).stayed = true
  })
  return () => page.evaluate(() => (window as { stayed?: boolean }).stayed === true)
}

/** Signs in on the sandbox's pages in `popup`: the login form, then consent. */
async function signInInPopup(popup: Page): Promise<void> {
  await signInWithForm(popup, 'alice', 'alice-pass')
  await press(popup.getByRole('button', { name: 'Allow' }))
}

test('signs in in a popup: the page stays, the popup closes, the page is signed in', async ({ page }) => {
  await page.goto('/')
  const stayed = await markPage(page)
  const popup = await openPopup(page)
  await expect(popup.getByRole('heading', { name: /Sign in to PACE/ })).toBeVisible()
  const closed = popup.waitForEvent('close')
  await signInInPopup(popup)
  await closed
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  expect(await stayed()).toBe(true)
  expect(new URL(page.url()).pathname).toBe('/')
})

test('a callback page with Cross-Origin-Opener-Policy cuts the opener link; the sign-in still arrives', async ({
  page,
  context,
}) => {
  await page.goto('/')
  const stayed = await markPage(page)
  const popup = await openPopup(page)
  await expect(popup.getByRole('heading', { name: /Sign in to PACE/ })).toBeVisible()
  // The callback is reached by the sandbox's redirect, a hop Playwright's routes never see: the
  // response is answered again with the header where the browser receives it, over the DevTools
  // protocol (a fulfilled response, since Chromium reads COOP before a merely amended one).
  const devTools = await context.newCDPSession(popup)
  let isolatedCallbacks = 0
  devTools.on('Fetch.requestPaused', async (paused) => {
    isolatedCallbacks++
    const { body, base64Encoded } = await devTools.send('Fetch.getResponseBody', { requestId: paused.requestId })
    await devTools.send('Fetch.fulfillRequest', {
      requestId: paused.requestId,
      responseCode: paused.responseStatusCode ?? 200,
      // In place of the demo's own `same-origin-allow-popups`: two COOP headers would be one invalid one.
      responseHeaders: [
        ...(paused.responseHeaders ?? []).filter(
          (header) => header.name.toLowerCase() !== 'cross-origin-opener-policy',
        ),
        { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ],
      body: base64Encoded ? body : Buffer.from(body).toString('base64'),
    })
  })
  await devTools.send('Fetch.enable', {
    patterns: [{ urlPattern: `${demoOrigin}/callback?*`, resourceType: 'Document', requestStage: 'Response' }],
  })
  // What the callback page sees of its opener, said before the app's own script runs.
  const openerSeen: string[] = []
  popup.on('console', (message) => {
    if (message.text().startsWith('opener:')) openerSeen.push(message.text())
  })
  await popup.addInitScript(() => {
    if (window.location.pathname === '/callback') console.log(`opener: ${window.opener === null ? 'cut' : 'present'}`)
  })
  await signInInPopup(popup)
  // The callback page cannot reach window.opener: the result comes over the BroadcastChannel.
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  expect(isolatedCallbacks).toBe(1)
  expect(openerSeen).toEqual(['opener: cut'])
  await expect.poll(() => popup.isClosed()).toBe(true)
  expect(await stayed()).toBe(true)
})

test('a popup the user closes is a calm message; nobody is signed in, and trying again works', async ({ page }) => {
  // payauth reads a popup gone within 1.5 s of opening as one whose opener link a COOP header cut
  // (it waits for its callback), and one closed later as closed by the user. A person looks at the
  // login page for a few seconds first: the page's clock moves on as theirs would.
  await page.clock.install()
  await page.goto('/')
  const popup = await openPopup(page)
  await expect(popup.getByRole('heading', { name: /Sign in to PACE/ })).toBeVisible()
  await page.clock.fastForward(3_000)
  await popup.close()

  const notice = page.getByRole('status').filter({ hasText: 'The sign-in window was closed' })
  await expect(notice).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByTestId('user-name')).toHaveCount(0)
  await expect(popupButton(page)).toBeEnabled()

  await signInInPopup(await openPopup(page))
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  await expect(notice).toBeHidden()
})

test('a popup gone at once looks cut off by COOP, so payauth waits for its callback; Cancel ends the wait calmly', async ({
  page,
}) => {
  // The page's clock stands still until the test moves it: the popup is gone within 1.5 s of
  // opening, which is how a sign-in server's COOP header looks, and no closing user can be told apart.
  await page.clock.install()
  await page.goto('/')
  await page.clock.pauseAt(Date.now() + 1_000)
  const popup = await openPopup(page)
  await popup.close()
  await page.clock.runFor(60_000)
  const cancel = page.getByRole('button', { name: 'Cancel the popup sign-in' })
  await expect(cancel).toBeVisible()
  await expect(page.getByRole('button', { name: 'Signing in in the popup…' })).toHaveAttribute('aria-busy', 'true')

  await press(cancel)
  await expect(popupButton(page)).toBeVisible()
  await expect(cancel).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: /closed|cancel/i })).toHaveCount(0)
  await expect(page.getByTestId('user-name')).toHaveCount(0)
})

test('where the browser blocks popups, the sign-in falls back to a redirect', async ({ page, context }) => {
  // What a popup blocker does: window.open returns null.
  await page.addInitScript(() => {
    window.open = () => null
  })
  await useAutoLogin(context)
  let popups = 0
  page.on('popup', () => popups++)
  await page.goto('/')
  // A redirect hop never loads: wait for the page's request to the authorization endpoint.
  const leftForSignIn = page.waitForRequest(
    (request) => request.isNavigationRequest() && /\/protocol\/openid-connect\/auth\?/.test(request.url()),
  )
  await press(popupButton(page))
  await leftForSignIn
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')
  expect(new URL(page.url()).pathname).toBe('/')
  expect(popups).toBe(0)
})
