export type {
  AdapterEnvironment,
  AppFixture,
  AppProcess,
  FakeBrowser,
  NavigatorFixture,
  StoreFixture,
  WakeFixture,
} from './adapterFixtures.ts'
export { lockContract } from './lockContract.ts'
export { type NavigatorCapabilities, navigatorContract } from './navigatorContract.ts'
export { signInContract } from './signInContract.ts'
export { oddKeys, paceSizedSession, storeContract } from './storeContract.ts'
export { wakeEventsContract } from './wakeEventsContract.ts'
