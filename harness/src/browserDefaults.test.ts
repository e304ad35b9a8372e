import 'fake-indexeddb/auto'
import {
  browserNavigator,
  browserWakeEvents,
  idbTokenStore,
  leaseLock,
  memoryLock,
  memoryTokenStore,
  webLocks,
} from '@payauth/core'
import { popupNavigator } from '@payauth/core/popup'
import { afterEach, vi } from 'vitest'
import { browserOfWindow, installFakeWindow } from './fakeWindow.ts'
import { lockContract } from './lockContract.ts'
import { navigatorContract } from './navigatorContract.ts'
import { storeContract } from './storeContract.ts'
import { redirectUri } from './testClient.ts'
import { wakeEventsContract } from './wakeEventsContract.ts'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

let databases = 0
const databaseName = () => `payauth-contract-${++databases}`

storeContract('memoryTokenStore', () => ({ store: memoryTokenStore(), persistent: false }))

storeContract('idbTokenStore (fake-indexeddb)', () => {
  const name = databaseName()
  return {
    store: idbTokenStore({ databaseName: name }),
    persistent: true,
    reopen: () => idbTokenStore({ databaseName: name }),
  }
})

lockContract('memoryLock', memoryLock)
lockContract('leaseLock (fake-indexeddb)', () => leaseLock({ databaseName: databaseName() }))
lockContract('webLocks', () => webLocks(fakeLockManager()))

wakeEventsContract('browserWakeEvents', () => {
  const page = installFakeWindow('http://127.0.0.1:5173/wallet')
  return {
    wakeEvents: browserWakeEvents,
    foreground: () => page.show('visible'),
    background: () => page.show('hidden'),
  }
})

navigatorContract(
  'browserNavigator',
  () => {
    const page = installFakeWindow('http://127.0.0.1:5173/wallet')
    return { navigator: browserNavigator(), browser: browserOfWindow(page, page.load), redirectUri }
  },
  { authenticates: false, handsRedirects: false },
)

navigatorContract(
  'popupNavigator',
  () => {
    // The popup watch tells a closed popup from a severed opener link by time: the clock is the test's.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const page = installFakeWindow('http://127.0.0.1:5173/wallet')
    const relayFromPopup = (url: string) =>
      popupNavigator().relayCallback?.(url, new URL(url).searchParams.get('state') ?? '')
    const userClosesPopup = async () => {
      await vi.advanceTimersByTimeAsync(2_000)
      for (const popup of page.popups) popup.close()
      // Past the grace a closed popup's callback still has to arrive in (3 s).
      await vi.advanceTimersByTimeAsync(4_000)
    }
    return {
      navigator: popupNavigator(),
      browser: browserOfWindow(page, relayFromPopup, userClosesPopup),
      redirectUri,
    }
  },
  { authenticates: true, handsRedirects: false },
)

/** The Web Locks API replaced at its boundary: `request(name, options, callback)` as `webLocks` calls it, exclusive, in order. */
function fakeLockManager(): LockManager {
  const tails = new Map<string, Promise<unknown>>()
  return {
    request(name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) {
      const granted = (tails.get(name) ?? Promise.resolve()).then(() => callback({ name, mode: 'exclusive' }))
      tails.set(
        name,
        granted.catch(() => undefined),
      )
      return granted
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager
}
