import {
  lockContract,
  navigatorContract,
  signInContract,
  storeContract,
  wakeEventsContract,
} from '@payauth/harness/contract'
import { expoSecureStore } from './expoSecureStore.ts'
import { reactNativeAuth } from './reactNativeAuth.ts'
import { reactNativeNavigator } from './reactNativeNavigator.ts'
import { reactNativeWakeEvents } from './reactNativeWakeEvents.ts'
import { type FakeReactNative, fakeReactNative } from './test/fakeReactNative.ts'
import { browserOf, reactNativeApp, redirectUri } from './test/reactNativeDevice.ts'

storeContract('expoSecureStore', () => {
  const device = fakeReactNative()
  return { store: expoSecureStore(device), persistent: true, reopen: () => expoSecureStore(device.relaunch()) }
})

lockContract('reactNativeAuth().lock', () => reactNativeAuth(fakeReactNative()).lock)

wakeEventsContract('reactNativeWakeEvents', () => {
  const device = fakeReactNative()
  return { wakeEvents: reactNativeWakeEvents(device), foreground: device.foreground, background: device.background }
})

for (const platform of ['ios', 'android'] as const) {
  navigatorContract(
    `reactNativeNavigator (${platform})`,
    () => {
      const device: FakeReactNative = fakeReactNative()
      device.platform = platform
      const navigator = reactNativeNavigator(device, { closedGraceMs: 0 })
      return { navigator, browser: browserOf(device), redirectUri, onRedirect: navigator.onRedirect }
    },
    { authenticates: true, handsRedirects: true },
  )
  signInContract(`reactNativeAuth (${platform})`, reactNativeApp(platform))
}
