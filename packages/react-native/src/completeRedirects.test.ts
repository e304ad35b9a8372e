import type { CallbackResult } from '@payauth/core'
import { testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { completeRedirects } from './completeRedirects.ts'
import { reactNativeAuth } from './reactNativeAuth.ts'
import { reactNativeNavigator } from './reactNativeNavigator.ts'
import { fakeReactNative } from './test/fakeReactNative.ts'
import { redirectUri } from './test/reactNativeDevice.ts'

setUpSandbox()

describe('completeRedirects', () => {
  it('completes, in a new client, the sign-in a killed one started with loginWithPopup (cold start)', async () => {
    const device = fakeReactNative()
    device.platform = 'android'
    const gone = testClient(sandbox, { clientId: sandbox.paceNativeClientId, redirectUri, ...reactNativeAuth(device) })
    gone.client.loginWithPopup({ returnTo: '/cards/42', appState: { from: 'cards' } }).catch(() => {})
    await expect.poll(() => device.opened.length).toBe(1)
    const callback = await browseAuthorization(device.opened[0] ?? '', { username: 'alice', redirectUri })
    gone.client.dispose()

    // Android relaunches the app with the redirect: Linking.getInitialURL(), and maybe a link event too.
    const relaunched = device.relaunch(callback)
    const native = reactNativeAuth(relaunched)
    const next = testClient(sandbox, { clientId: sandbox.paceNativeClientId, redirectUri, ...native })
    const signIns: CallbackResult[] = []
    completeRedirects(next.client, native.navigator, { redirectUri, onSignIn: (result) => signIns.push(result) })
    relaunched.redirect(callback)
    await expect.poll(() => signIns.length).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(signIns).toHaveLength(1)
    const [result] = signIns
    expect(result).toMatchObject({ returnTo: '/cards/42', appState: { from: 'cards' } })
    expect(result?.session.user?.sub).toBe('alice')
    expect(next.grants).toEqual(['authorization_code'])
    expect(gone.tokenRequests()).toBe(0)
  })

  it('leaves other links to the app, and stops when told', async () => {
    const device = fakeReactNative()
    const handled: string[] = []
    const auth = {
      handleCallback: (url?: string | URL) => {
        handled.push(String(url))
        return new Promise<never>(() => {})
      },
    }
    const stop = completeRedirects(auth, reactNativeNavigator(device), { redirectUri })
    device.redirect('com.example.wallet:/cards/42?state=x')
    device.redirect(`${redirectUri}?code=c&state=s`)
    stop()
    device.redirect(`${redirectUri}?code=d&state=t`)
    expect(handled).toEqual([`${redirectUri}?code=c&state=s`])
  })
})
