import type { CallbackResult } from '@payauth/core'
import { completeRedirects } from '@payauth/core/native'
import { testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { capacitorAuth } from './capacitorAuth.ts'
import { capacitorNavigator } from './capacitorNavigator.ts'
import { redirectUri } from './test/capacitorDevice.ts'
import { fakeCapacitor } from './test/fakeCapacitor.ts'

setUpSandbox()

describe('completeRedirects', () => {
  it('completes, in a new client, the sign-in a killed one started with loginWithPopup (cold start)', async () => {
    const device = fakeCapacitor()
    const gone = testClient(sandbox, { clientId: sandbox.paceNativeClientId, redirectUri, ...capacitorAuth(device) })
    gone.client.loginWithPopup({ returnTo: '/cards/42', appState: { from: 'cards' } }).catch(() => {})
    await expect.poll(() => device.opened.length).toBe(1)
    const callback = await browseAuthorization(device.opened[0] ?? '', { username: 'alice', redirectUri })
    gone.client.dispose()

    // The app starts again with the redirect: getLaunchUrl(), and the retained appUrlOpen event.
    const relaunched = device.relaunch(callback)
    const native = capacitorAuth(relaunched)
    const next = testClient(sandbox, { clientId: sandbox.paceNativeClientId, redirectUri, ...native })
    const signIns: CallbackResult[] = []
    completeRedirects(next.client, native.navigator, { redirectUri, onSignIn: (result) => signIns.push(result) })
    relaunched.openLink(callback)
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
    const device = fakeCapacitor()
    const handled: string[] = []
    const auth = {
      handleCallback: (url?: string | URL) => {
        handled.push(String(url))
        return new Promise<never>(() => {})
      },
    }
    const stop = completeRedirects(auth, capacitorNavigator(device), { redirectUri })
    await Promise.resolve()
    device.openLink('com.example.wallet:/cards/42?state=x')
    device.openLink(`${redirectUri}?code=c&state=s`)
    stop()
    device.openLink(`${redirectUri}?code=d&state=t`)
    expect(handled).toEqual([`${redirectUri}?code=c&state=s`])
  })
})
