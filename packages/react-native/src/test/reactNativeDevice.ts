import { completeRedirects } from '@payauth/core/native'
import type { AppFixture, FakeBrowser } from '@payauth/harness/contract'
import { reactNativeAuth } from '../reactNativeAuth.ts'
import { type FakeReactNative, fakeReactNative } from './fakeReactNative.ts'

/** The native app's registered redirect: a reverse-domain private-use scheme (RFC 8252 §7.1). */
export const redirectUri = 'com.example.wallet:/oauth2redirect'

/** The auth session of a fake device, as the contracts drive it. */
export function browserOf(device: FakeReactNative): FakeBrowser {
  return {
    opened: device.opened,
    redirect: async (url) => device.redirect(url),
    close: async () => device.closeBrowser(),
  }
}

/** A fake phone running a React Native app on `reactNativeAuth()`; each launch is a new process on it. */
export function reactNativeApp(platform: FakeReactNative['platform'] = 'ios'): () => AppFixture {
  return () => {
    let device: FakeReactNative | undefined
    return {
      native: true,
      redirectUri,
      launch(launchUrl) {
        const current = device ? device.relaunch(launchUrl) : fakeReactNative(launchUrl)
        current.platform = platform
        device = current
        const environment = reactNativeAuth(current)
        return {
          environment,
          browser: browserOf(current),
          wake: current.foreground,
          completeRedirects: (auth) => completeRedirects(auth, environment.navigator, { redirectUri }),
        }
      },
    }
  }
}
