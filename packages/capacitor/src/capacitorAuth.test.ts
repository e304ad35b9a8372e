import {
  lockContract,
  navigatorContract,
  signInContract,
  storeContract,
  wakeEventsContract,
} from '@payauth/harness/contract'
import { capacitorAuth } from './capacitorAuth.ts'
import { capacitorNavigator } from './capacitorNavigator.ts'
import { capacitorSecureStore } from './capacitorSecureStore.ts'
import { capacitorWakeEvents } from './capacitorWakeEvents.ts'
import { browserOf, capacitorApp, redirectUri } from './test/capacitorDevice.ts'
import { fakeCapacitor } from './test/fakeCapacitor.ts'

storeContract('capacitorSecureStore', () => {
  const device = fakeCapacitor()
  return {
    store: capacitorSecureStore(device),
    persistent: true,
    reopen: () => capacitorSecureStore(device.relaunch()),
  }
})

lockContract('capacitorAuth().lock', () => capacitorAuth(fakeCapacitor()).lock)

wakeEventsContract('capacitorWakeEvents', () => {
  const device = fakeCapacitor()
  return { wakeEvents: capacitorWakeEvents(device), foreground: device.foreground, background: device.background }
})

navigatorContract(
  'capacitorNavigator',
  () => {
    const device = fakeCapacitor()
    const navigator = capacitorNavigator(device, { closedGraceMs: 0 })
    return { navigator, browser: browserOf(device), redirectUri, onRedirect: navigator.onRedirect }
  },
  { authenticates: true, handsRedirects: true },
)

signInContract('capacitorAuth', capacitorApp)
