import { describe, expect, it } from 'vitest'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { recordingNavigator } from '../testing.ts'
import { callbackHandler } from './callbackHandler.ts'
import type { CallbackResult } from './signInTypes.ts'

const callback = 'https://app.example/callback?code=c&state=s1&iss=https%3A%2F%2Fid.example'
const result = { returnTo: '/wallet' } as CallbackResult

function setUp(url = callback) {
  const navigator = recordingNavigator(url)
  const completed: [string, string][] = []
  const recorded: unknown[] = []
  const handle = callbackHandler({
    navigator,
    run: (command) =>
      command().catch((error: unknown) => {
        recorded.push(error)
        throw error
      }),
    async complete(completedUrl, state) {
      completed.push([completedUrl.href, state])
      return result
    },
  })
  return { navigator, completed, recorded, handle }
}

describe('callbackHandler', () => {
  it('completes a callback once per state, and takes the response out of the address bar first', async () => {
    const t = setUp()
    const first = t.handle()
    // StrictMode's second effect: the address bar is clean by now, and it gets the same promise.
    const second = t.handle()
    const again = t.handle(callback)
    expect(await first).toBe(result)
    expect(second).toBe(first)
    expect(again).toBe(first)
    expect(t.completed).toEqual([[callback, 's1']])
    expect(t.navigator.currentUrl()).toBe('https://app.example/callback')
  })

  it('leaves the address bar alone when handling a URL other than the page’s', async () => {
    const t = setUp('https://app.example/elsewhere')
    await t.handle(callback)
    expect(t.navigator.currentUrl()).toBe('https://app.example/elsewhere')
  })

  it('refuses a URL without an authorization response, with its own code, and records it', async () => {
    const t = setUp('https://app.example/callback?tab=1')
    const error = await t.handle().catch((reason: unknown) => reason)
    expect(isAuthError(error) && error.code).toBe(AuthErrorCode.NotACallback)
    expect(t.recorded).toEqual([error])
    expect(t.completed).toEqual([])
  })

  it('takes implicit responses from the fragment and scrubs the token from history', async () => {
    const implicit = 'https://app.example/pay/callback#access_token=secret&token_type=bearer&state=s2'
    const t = setUp(implicit)
    await t.handle()
    expect(t.completed).toEqual([[implicit, 's2']])
    expect(t.navigator.currentUrl()).toBe('https://app.example/pay/callback')
  })
})
