import { type AuthLock, memoryLock, type SessionChannel, type TokenStore, type WakeEvents } from '@payauth/core'
import type { NativeNavigator } from '@payauth/core/native'
import { type ExpoSecureStoreOptions, expoSecureStore } from './expoSecureStore.ts'
import type { ReactNativeModules } from './reactNativeModules.ts'
import { type ReactNativeNavigatorOptions, reactNativeNavigator } from './reactNativeNavigator.ts'
import { reactNativeWakeEvents } from './reactNativeWakeEvents.ts'

/** Everything `createAuthClient` takes from the platform, for a React Native app. */
export interface ReactNativeEnvironment {
  readonly navigator: NativeNavigator
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly channel: SessionChannel
  readonly wakeEvents: WakeEvents
}

/** Options of `reactNativeAuth()`, passed to the navigator and the store it makes. */
export interface ReactNativeAuthOptions {
  readonly navigator?: ReactNativeNavigatorOptions
  readonly store?: ExpoSecureStoreOptions
}

/** One JavaScript runtime runs the app: there is no other tab to tell. */
const singleRuntime: SessionChannel = { post() {}, subscribe: () => () => {} }

/**
 * The React Native / Expo platform for `createAuthClient`: sign-in in ASWebAuthenticationSession or
 * Custom Tabs, tokens in expo-secure-store, session checks when the app comes to the foreground.
 * No IndexedDB, `window`, `location`, Web Locks or BroadcastChannel: one runtime, so the lock is
 * its own and there is no cross-tab channel.
 * @example
 * import * as SecureStore from 'expo-secure-store'
 * import * as WebBrowser from 'expo-web-browser'
 * import { AppState, Linking } from 'react-native'
 * import { createAuthClient, pace } from '@payauth/core'
 * import { completeRedirects, reactNativeAuth } from '@payauth/react-native'
 *
 * const redirectUri = 'com.example.wallet:/oauth2redirect'
 * const native = reactNativeAuth({ WebBrowser, SecureStore, AppState, Linking })
 * const auth = createAuthClient({ provider: pace({ environment: 'production' }), clientId: 'wallet-app', redirectUri, ...native })
 * completeRedirects(auth, native.navigator, { redirectUri })
 * await auth.loginWithPopup()
 */
export function reactNativeAuth(
  modules: ReactNativeModules,
  options: ReactNativeAuthOptions = {},
): ReactNativeEnvironment {
  return {
    navigator: reactNativeNavigator(modules, options.navigator),
    store: expoSecureStore(modules, options.store),
    lock: memoryLock(),
    channel: singleRuntime,
    wakeEvents: reactNativeWakeEvents(modules),
  }
}
