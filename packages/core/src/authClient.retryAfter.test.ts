import { signInAs, testBrowser, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import type { FetchLike } from './oauth/httpOptions.ts'

setUpSandbox()

const minute = 60_000

/** The token endpoint as a busy gateway in front of it answers: the first refresh gets a 503 with Retry-After. */
function busyOnce(retryAfterSeconds: number) {
  const refreshes: string[] = []
  const fetchImpl: FetchLike = async (input, init) => {
    if (new URLSearchParams(String(init?.body)).get('grant_type') !== 'refresh_token') return fetch(input, init)
    refreshes.push(refreshes.length === 0 ? 'answered 503' : 'sent')
    if (refreshes.length === 1) {
      return new Response('<h1>Busy</h1>', {
        status: 503,
        headers: { 'content-type': 'text/html', 'retry-after': String(retryAfterSeconds) },
      })
    }
    return fetch(input, init)
  }
  return { fetchImpl, refreshes }
}

describe('Retry-After across tabs', () => {
  it('holds every tab to it, not only the one the server answered', async () => {
    let time = Date.now()
    const browser = testBrowser({ now: () => time })
    const busy = busyOnce(30)
    const [first, second] = [0, 1].map(() => testClient(sandbox, { browser, fetch: busy.fetchImpl }))
    if (!first || !second) throw new Error('two tabs')
    await first.client.handleCallback(await signInAs(first))
    await second.client.start()
    const signedInWith = await first.client.getAccessToken()

    // The token is stale, not expired: each tab would renew it now.
    time += 4.6 * minute
    expect(await first.client.getAccessToken()).toBe(signedInWith)
    expect(await second.client.getAccessToken()).toBe(signedInWith)
    expect(busy.refreshes).toEqual(['answered 503'])
    expect(second.client.getSnapshot()).toMatchObject({ status: 'signedIn', error: { code: 'server_error' } })

    time += 31_000
    const renewed = await second.client.getAccessToken()
    expect(renewed).not.toBe(signedInWith)
    expect(await first.client.getAccessToken()).toBe(renewed)
    expect(busy.refreshes).toEqual(['answered 503', 'sent'])
  })
})
