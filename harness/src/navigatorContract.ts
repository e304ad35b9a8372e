import { AuthErrorCode } from '@payauth/core'
import { describe, expect, it } from 'vitest'
import type { NavigatorFixture } from './adapterFixtures.ts'

/** An authorization request as the core makes it, back to `redirectUri`. */
const authorizationUrlTo = (redirectUri: string) =>
  `https://id.example.com/auth/realms/pace/protocol/openid-connect/auth?client_id=app&redirect_uri=${encodeURIComponent(redirectUri)}`

/** What a navigator can do besides `assign`: its own sign-in window, and handing links to the app. */
export interface NavigatorCapabilities {
  /** It has `authenticate()` (a popup, a native auth session). */
  readonly authenticates: boolean
  /** It hands links into the app to the app's listeners (native shells). */
  readonly handsRedirects: boolean
}

/** What every `AuthNavigator` does, and what its capabilities promise. */
export function navigatorContract(
  name: string,
  setup: () => NavigatorFixture | Promise<NavigatorFixture>,
  capabilities: NavigatorCapabilities,
): void {
  describe(`${name}: the AuthNavigator contract`, () => {
    it('shows the authorization page for login(), and a user who closes it is no error', async () => {
      const { navigator, browser, redirectUri } = await setup()
      const authorizationUrl = authorizationUrlTo(redirectUri)
      // A native auth session resolves when it closes; a page's assign as soon as it navigates.
      const leaving = navigator.assign(authorizationUrl)
      await expect.poll(() => browser.opened).toEqual([authorizationUrl])
      await browser.close()
      await expect(leaving).resolves.toBeUndefined()
    })

    it('has a current URL, and replaces it without failing', async () => {
      const { navigator } = await setup()
      expect(() => new URL(navigator.currentUrl())).not.toThrow()
      expect(() => navigator.replace(navigator.currentUrl())).not.toThrow()
    })

    it(`${capabilities.authenticates ? 'has' : 'has no'} authenticate()`, async () => {
      const { navigator } = await setup()
      expect(typeof navigator.authenticate).toBe(capabilities.authenticates ? 'function' : 'undefined')
    })

    if (capabilities.authenticates) {
      it('runs authenticate() to the redirect', async () => {
        const { navigator, browser, redirectUri } = await setup()
        const authorizationUrl = authorizationUrlTo(redirectUri)
        const callback = `${redirectUri}?code=c-1&state=s-1&iss=https%3A%2F%2Fid.example.com`
        const result = navigator.authenticate?.(Promise.resolve({ url: authorizationUrl, state: 's-1' }), {
          redirectUri,
        })
        await expect.poll(() => browser.opened).toEqual([authorizationUrl])
        await browser.redirect(callback)
        expect(await result).toBe(callback)
      })

      it('rejects authenticate() with popup_closed when the user closes the browser', async () => {
        const { navigator, browser, redirectUri } = await setup()
        const authorizationUrl = authorizationUrlTo(redirectUri)
        const settled = navigator
          .authenticate?.(Promise.resolve({ url: authorizationUrl, state: 's-2' }), { redirectUri })
          .then(
            () => 'resolved',
            (error: unknown) => error,
          )
        await expect.poll(() => browser.opened).toEqual([authorizationUrl])
        await browser.close()
        expect(await settled).toMatchObject({ code: AuthErrorCode.PopupClosed })
      })
    }

    if (capabilities.handsRedirects) {
      it('hands the redirect after login() to the app', async () => {
        const { navigator, browser, redirectUri, onRedirect } = await setup()
        const authorizationUrl = authorizationUrlTo(redirectUri)
        const received: string[] = []
        const stop = onRedirect?.((url) => received.push(url))
        const leaving = navigator.assign(authorizationUrl)
        await expect.poll(() => browser.opened).toEqual([authorizationUrl])
        await browser.redirect(`${redirectUri}?code=c-3&state=s-3`)
        await leaving
        await expect.poll(() => received).toEqual([`${redirectUri}?code=c-3&state=s-3`])
        stop?.()
      })
    }
  })
}
