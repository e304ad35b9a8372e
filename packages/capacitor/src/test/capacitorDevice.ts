import { completeRedirects } from '@payauth/core/native'
import type { AppFixture, FakeBrowser } from '@payauth/harness/contract'
import { capacitorAuth } from '../capacitorAuth.ts'
import { type FakeCapacitor, fakeCapacitor } from './fakeCapacitor.ts'

/** The native app's registered redirect: a reverse-domain private-use scheme (RFC 8252 §7.1). */
export const redirectUri = 'com.example.wallet:/oauth2redirect'

/** The in-app browser of a fake device, as the contracts drive it. */
export function browserOf(device: FakeCapacitor): FakeBrowser {
  return {
    opened: device.opened,
    redirect: async (url) => device.openLink(url),
    close: async () => device.closeBrowser(),
  }
}

/** A fake phone running a Capacitor app on `capacitorAuth()`; each launch is a new process on it. */
export function capacitorApp(): AppFixture {
  let device: FakeCapacitor | undefined
  return {
    native: true,
    redirectUri,
    launch(launchUrl) {
      const current = device ? device.relaunch(launchUrl) : fakeCapacitor(launchUrl)
      device = current
      const environment = capacitorAuth(current)
      return {
        environment,
        browser: browserOf(current),
        wake: current.foreground,
        completeRedirects: (auth) => completeRedirects(auth, environment.navigator, { redirectUri }),
      }
    },
  }
}
