import { signInAs, testBrowser, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import type { FetchLike } from '../oauth/httpOptions.ts'
import type { AuthLock } from '../session/authLock.ts'

setUpSandbox()

const urlOf = (input: Parameters<FetchLike>[0]) => (input instanceof Request ? input.url : String(input))
const isDiscovery = (input: Parameters<FetchLike>[0]) => urlOf(input).includes('/.well-known/')

/** The network of a page whose discovery document answers with an outage page; it counts token requests. */
function discoveryDown() {
  const tokenRequests: string[] = []
  const fetchImpl: FetchLike = async (input, init) => {
    if (isDiscovery(input)) return new Response('<html>Bad gateway</html>', { status: 502 })
    if (urlOf(input).endsWith('/token')) tokenRequests.push(urlOf(input))
    return fetch(input, init)
  }
  return { fetch: fetchImpl, tokenRequests }
}

describe('completing a sign-in on the callback page (a new page, which has not discovered the server)', () => {
  it('asks for the discovery document while the claim waits for the cross-tab lock', async () => {
    const browser = testBrowser()
    const callbackUrl = await signInAs(testClient(sandbox, { browser }))
    let discoveryAsked = () => {}
    const asked = new Promise<void>((resolve) => {
      discoveryAsked = resolve
    })
    // Another tab holds the lock until this page has asked for the document: a page that claimed
    // the sign-in before asking would wait for ever, and sign in a round trip later in a real browser.
    const lock: AuthLock = {
      run: async (name, task) => {
        await asked
        return browser.lock.run(name, task)
      },
    }
    const page = testClient(sandbox, {
      browser,
      lock,
      fetch: (input, init) => {
        if (isDiscovery(input)) discoveryAsked()
        return fetch(input, init)
      },
    })
    const result = await page.client.handleCallback(callbackUrl)
    expect(result.session.user?.sub).toBe('alice')
  })

  it('reports a forged callback as forged, not as the discovery failure met meanwhile', async () => {
    const browser = testBrowser()
    const callbackUrl = new URL(await signInAs(testClient(sandbox, { browser })))
    callbackUrl.searchParams.set('state', 'forged-state-value')
    const network = discoveryDown()
    const page = testClient(sandbox, { browser, fetch: network.fetch })
    const error = await rejection(page.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.StateMismatch)
    expect(network.tokenRequests).toEqual([])
  })

  it('claims the sign-in before the discovery failure, so the same callback cannot be completed twice', async () => {
    const browser = testBrowser()
    const callbackUrl = await signInAs(testClient(sandbox, { browser }))
    const network = discoveryDown()
    const down = testClient(sandbox, { browser, fetch: network.fetch })
    expect((await rejection(down.client.handleCallback(callbackUrl))).code).toBe(AuthErrorCode.DiscoveryFailed)
    const retry = testClient(sandbox, { browser })
    expect((await rejection(retry.client.handleCallback(callbackUrl))).code).toBe(AuthErrorCode.StateUsed)
    expect(network.tokenRequests).toEqual([])
    expect(retry.tokenRequests()).toBe(0)
  })
})
