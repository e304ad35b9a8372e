import { appOrigin, redirectUri, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from './errors.ts'
import type { AuthNavigator } from './navigation/authNavigator.ts'
import { recordingNavigator } from './testing.ts'

setUpSandbox()

/**
 * A browser whose storage is each page's memory (IndexedDB missing or refusing, as in private
 * modes): the harness's tabs keep their sessions in memory, and `persistent` says so.
 */
function popupCapable() {
  const recorder = recordingNavigator(`${appOrigin}/wallet`)
  const navigator: AuthNavigator & { readonly opened: string[] } = {
    ...recorder,
    opened: [],
    /** The popup: a page of its own, with a memory of its own, whose callback route runs the same client code. */
    async authenticate(signIn) {
      const { url } = await signIn
      navigator.opened.push(url)
      const callback = await browseAuthorization(url, { username: 'alice', redirectUri })
      // The popup fails once it has handed the callback over, or instead of handing it over.
      const handedOver = new Promise<string>((resolve, reject) => {
        const popup = testClient(sandbox, { navigator: { ...recordingNavigator(callback), relayCallback: relay } })
        function relay(relayedUrl: string) {
          resolve(relayedUrl)
          return true
        }
        popup.client.handleCallback(callback).catch(reject)
      })
      return handedOver
    },
    relayCallback: () => true,
  }
  return { navigator, assigned: recorder.assigned }
}

describe('a browser that keeps nothing across page loads', () => {
  it('signs in in a popup, whose callback page hands the sign-in to the page that keeps it', async () => {
    const { navigator, assigned } = popupCapable()
    const tab = testClient(sandbox, { navigator })

    await tab.client.login({ returnTo: '/wallet' })

    // A redirect would have lost the pending sign-in with the page.
    expect(assigned).toEqual([])
    expect(navigator.opened).toHaveLength(1)
    expect(tab.client.getSnapshot()).toMatchObject({
      status: 'signedIn',
      session: { user: { sub: 'alice' }, persisted: false },
    })
  })

  it('completes loginWithPopup(), though the popup cannot see the sign-in it returns from', async () => {
    const { navigator } = popupCapable()
    const tab = testClient(sandbox, { navigator })

    const result = await tab.client.loginWithPopup({ appState: { from: 'cart' } })

    expect(result).toMatchObject({ session: { user: { sub: 'alice' }, persisted: false }, appState: { from: 'cart' } })
  })

  it('still refuses, in a page that started no sign-in, a callback nobody hands over', async () => {
    const { navigator } = popupCapable()
    const tab = testClient(sandbox, { navigator })
    const forged = `${redirectUri}?code=forged&state=nobody-started-this&iss=${encodeURIComponent(sandbox.paceIssuer)}`

    expect((await rejection(tab.client.handleCallback(forged))).code).toBe(AuthErrorCode.StateMismatch)
    expect(tab.client.getSnapshot().status).toBe('error')
  })
})
