import { expect } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'
import {
  apiCallsSucceed,
  faultAnswer,
  routeRefreshes,
  sandboxRefreshes,
  shownToken,
  signInOnce,
  test,
  twoTabsOnSessionPage,
} from './faultSupport.ts'

test('the authorization server down during a refresh: every tab stays signed in, and the session recovers once it is back', async ({
  page,
  context,
}) => {
  const { other, before } = await twoTabsOnSessionPage(page, context)

  // Every request to the server is refused, as when it is down: discovery (a fresh page has not
  // read it yet) as well as the token endpoint.
  const outage = `${sandboxOrigin}/**`
  const refused: string[] = []
  await context.route(outage, (route) => {
    refused.push(route.request().url())
    return route.abort('connectionrefused')
  })
  // The outage outlasts the access token: renewal was tried and failed, and the token ran out.
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('expires-at')).toContainText('(in 0 s)')
  for (const tab of [page, other]) {
    await expect(tab.getByTestId('session-token')).toBeVisible()
    await expect(tab.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0)
  }

  await context.unroute(outage)
  // The next use of the session renews it, and every tab takes the new token.
  await apiCallsSucceed(other, 1)
  await expect(page.getByTestId('session-token')).not.toHaveText(before)
  await apiCallsSucceed(page, 1)
  const log = await sandboxRefreshes(page)
  expect(log.refreshes.length).toBeGreaterThanOrEqual(1)
  expect(log.refreshes.every((refresh) => refresh.succeeded)).toBe(true)
  expect(log.reusedRefreshTokens).toBe(0)
})

const retryAfterSeconds = 3
const busyAnswers = [
  {
    name: 'a 503 page',
    answer: faultAnswer(
      503,
      { 'content-type': 'text/html', 'retry-after': String(retryAfterSeconds) },
      '<h1>Down</h1>',
    ),
  },
  {
    name: '429 slow_down',
    answer: faultAnswer(
      429,
      { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) },
      JSON.stringify({ error: 'slow_down' }),
    ),
  },
]

for (const { name, answer } of busyAnswers) {
  test(`a refresh answered ${name} with Retry-After: the session stays, no tab asks again sooner, then it recovers`, async ({
    page,
    context,
  }) => {
    const { other, before } = await twoTabsOnSessionPage(page, context)
    const attempts = await routeRefreshes(context, (route, attempt) =>
      attempt === 0 ? route.fulfill(answer) : route.fallback(),
    )
    await expect.poll(() => attempts.length).toBe(1)
    const refusedTab = attempts[0]?.tab ?? page
    await expect(refusedTab.getByRole('status')).toBeVisible()
    // The user comes back to the tabs meanwhile: that is no reason to ask the server again sooner.
    for (const tab of [page, other]) {
      await tab.evaluate(() => {
        document.dispatchEvent(new Event('visibilitychange'))
        window.dispatchEvent(new Event('focus'))
      })
    }

    for (const tab of [page, other]) {
      await expect(tab.getByTestId('session-token')).not.toHaveText(before, { timeout: 15_000 })
    }
    const [refused, retried] = attempts
    if (!refused || !retried) throw new Error('expected a refused refresh and its retry')
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(retryAfterSeconds * 1000)
    expect(attempts).toHaveLength(2)
    await apiCallsSucceed(other, 1)
  })
}

test('a token endpoint that never answers: the request times out, the session stays, and a later refresh succeeds', async ({
  page,
  context,
  blackHole,
}) => {
  await signInOnce(page, context)
  // The app gives up on a silent server after 2 s here, rather than payauth's 10 s.
  await page.goto('/session?requestTimeout=2000')
  const before = await shownToken(page)
  const attempts = await routeRefreshes(context, (route, attempt) =>
    attempt === 0 ? route.continue({ url: blackHole }) : route.fallback(),
  )

  await expect(page.getByRole('status')).toContainText('network_error')
  await expect(page.getByTestId('session-token')).toHaveText(before)
  // The retry after the timeout renews the same sign-in.
  await expect(page.getByTestId('session-token')).not.toHaveText(before)
  expect(attempts).toHaveLength(2)
  await apiCallsSucceed(page, 1)
  const log = await sandboxRefreshes(page)
  expect(log.byGrantType).toEqual({ authorization_code: 1, refresh_token: 1 })
})
