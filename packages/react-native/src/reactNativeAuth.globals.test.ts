import { testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reactNativeAuth } from './reactNativeAuth.ts'
import { fakeReactNative } from './test/fakeReactNative.ts'

/** The native client's claimed https link (an iOS universal link / Android App Link). */
const redirectUri = 'https://wallet.example.com/app/callback'

setUpSandbox()

/** What a React Native runtime lacks: any use of them here would throw. */
const browserGlobals = ['window', 'document', 'location', 'indexedDB', 'BroadcastChannel', 'localStorage']
const saved = new Map<string, PropertyDescriptor | undefined>()

beforeEach(() => {
  for (const name of browserGlobals) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name))
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        throw new Error(`React Native has no ${name}`)
      },
    })
  }
})

afterEach(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor)
    else Reflect.deleteProperty(globalThis, name)
  }
})

describe('reactNativeAuth without browser globals', () => {
  it('signs in through a claimed link, refreshes on foreground and signs out, with none of them', async () => {
    const device = fakeReactNative()
    let offset = 0
    const tab = testClient(sandbox, {
      clientId: sandbox.paceNativeClientId,
      redirectUri,
      ...reactNativeAuth(device),
      now: () => Date.now() + offset,
    })
    await tab.client.start()
    const signIn = tab.client.loginWithPopup()
    await expect.poll(() => device.opened.length).toBe(1)
    device.redirect(await browseAuthorization(device.opened[0] ?? '', { username: 'alice', redirectUri }))
    expect((await signIn)?.session.user?.sub).toBe('alice')
    offset += 5 * 60_000
    device.foreground()
    await expect.poll(() => tab.grants).toEqual(['authorization_code', 'refresh_token'])
    await tab.client.logout({ endSession: false })
    expect(tab.client.getSnapshot()).toMatchObject({ status: 'signedOut', reason: 'logout' })
  })
})
