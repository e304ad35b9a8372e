import 'fake-indexeddb/auto'
import {
  type AuthNavigator,
  broadcastSessionChannel,
  browserNavigator,
  browserWakeEvents,
  idbTokenStore,
  leaseLock,
} from '@payauth/core'
import { popupNavigator } from '@payauth/core/popup'
import { afterEach, vi } from 'vitest'
import type { AppFixture } from './adapterFixtures.ts'
import { browserOfWindow, installFakeWindow } from './fakeWindow.ts'
import { signInContract } from './signInContract.ts'
import { appOrigin, redirectUri } from './testClient.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

let apps = 0

/**
 * A web app on the core's browser defaults: IndexedDB (fake-indexeddb) for tokens and the lease
 * lock, a BroadcastChannel between tabs, visibility wake-ups; each launch is a page load.
 */
function webApp(navigator: () => AuthNavigator): () => AppFixture {
  return () => {
    const name = `payauth-web-${++apps}`
    const page = installFakeWindow(`${appOrigin}/wallet`)
    const relayFromPopup = (url: string) =>
      popupNavigator().relayCallback?.(url, new URL(url).searchParams.get('state') ?? '')
    return {
      native: false,
      redirectUri,
      launch(launchUrl) {
        page.load(launchUrl ?? `${appOrigin}/wallet`)
        return {
          environment: {
            navigator: navigator(),
            store: idbTokenStore({ databaseName: name }),
            lock: leaseLock({ databaseName: `${name}-locks` }),
            channel: broadcastSessionChannel(name),
            wakeEvents: browserWakeEvents,
          },
          browser: browserOfWindow(page, relayFromPopup),
          wake: () => page.show('visible'),
          // The app's callback route.
          completeRedirects(auth) {
            if (new URL(launchUrl ?? appOrigin).pathname === '/callback') auth.handleCallback().catch(() => {})
          },
        }
      },
    }
  }
}

signInContract('popupNavigator on the browser defaults', webApp(popupNavigator))
signInContract('browserNavigator on the browser defaults', webApp(browserNavigator))
