import { expect, type Page } from '@playwright/test'
import { accessTokenTtlSeconds, twinOrigin } from '../playwright.config.ts'
import { callFromPage, sessionCookie, signInThroughBackend, tokenRequestLog } from './bffSupport.ts'
import { test } from './cspViolations.ts'

// The twin origin's backend runs as instances `a` and `b` sharing one redis-server, behind a
// front that sends each request to the next instance in turn (e2e/servers/roundRobinFront.ts).

const callsPerTab = 10

/** Every tab asks the backend for an access token `callsPerTab` times at once, bypassing the client's own single flight. */
async function burst(tabs: readonly Page[]) {
  const answers = (await Promise.all(tabs.map((tab) => askManyTimes(tab)))).flat()
  return {
    statuses: [...new Set(answers.map((answer) => answer.status))],
    instances: [...new Set(answers.map((answer) => answer.instance))].sort(),
    tokens: [...new Set(answers.map((answer) => String(answer.body.accessToken)))],
  }
}

function askManyTimes(tab: Page) {
  return Promise.all(Array.from({ length: callsPerTab }, () => callFromPage(tab, '/bff/access-token')))
}

test('two backend instances on one Redis make one refresh per expiry, and never present a refresh token twice', async ({
  page,
  context,
}) => {
  test.slow()
  await signInThroughBackend(page, context, twinOrigin)
  // The cookie holds only a session id: the session itself is in Redis.
  expect((await sessionCookie(context, twinOrigin)).value).toMatch(/^[\w-]{43}$/)

  // Pages without the backend's client, so only the bursts below ask for tokens.
  const tabs = [page, await context.newPage()]
  for (const tab of tabs) await tab.goto(`${twinOrigin}/`)

  const rounds = 3
  const tokens: string[] = []
  for (let round = 1; round <= rounds; round++) {
    const session = await callFromPage(page, '/bff/session')
    const expiresAt = Number(session.body.accessTokenExpiresAt)
    // Wait until the backends hold the token stale (a quarter of a 5 s token's life before it
    // expires), yet before it expires: every call of the burst then finds it due for a refresh.
    const dueAt = expiresAt - (accessTokenTtlSeconds * 1000) / 5
    await page.waitForTimeout(Math.max(0, dueAt - Date.now()))

    const { statuses, instances, tokens: handedOut } = await burst(tabs)
    expect(statuses).toEqual([200])
    expect(instances).toEqual(['a', 'b'])
    // Both instances handed out the one refreshed token.
    expect(handedOut).toHaveLength(1)
    expect(tokens).not.toContain(handedOut[0])
    tokens.push(handedOut[0] ?? '')
  }

  const log = await tokenRequestLog(page, tokens.at(-1) ?? '')
  expect(log.byGrantType.refresh_token).toBe(rounds)
  expect(log.refreshes.every((refresh) => refresh.succeeded)).toBe(true)
  expect(log.reusedRefreshTokens).toBe(0)
})
