import { testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { AuthError, AuthErrorCode } from './errors.ts'

setUpSandbox()

describe('loginWithPopup falling back to a redirect', () => {
  it('completes on the callback page the redirect comes back to, rather than relaying it to a popup opener', async () => {
    const opener = testClient(sandbox)
    const relayed: string[] = []
    // The browser navigator with popups (popupNavigator()): the blocker refuses the window.
    const popupCapable = {
      ...opener.navigator,
      authenticate: () => Promise.reject(new AuthError(AuthErrorCode.PopupBlocked, 'blocked', { cause: {} })),
      relayCallback: (url: string) => relayed.push(url) > 0,
    }
    const page = testClient(sandbox, { store: opener.store, navigator: popupCapable })
    expect(await page.client.loginWithPopup()).toBeUndefined()
    const authorizationUrl = opener.navigator.assigned.at(-1) ?? ''
    const callback = await browseAuthorization(authorizationUrl, { username: 'alice', redirectUri: opener.redirectUri })

    // The redirect reloads the app: a new client on the same storage, with the same navigator.
    const reloaded = testClient(sandbox, { store: opener.store, navigator: popupCapable })
    // Before the fix it relayed the callback to no one and never settled: the test timed out here.
    const { session } = await reloaded.client.handleCallback(callback)
    expect(session.user?.sub).toBe('alice')
    expect(relayed).toEqual([])
    expect(reloaded.client.getSnapshot().status).toBe('signedIn')
  })
})
