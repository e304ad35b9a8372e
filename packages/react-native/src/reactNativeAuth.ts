import { type AuthLock, memoryLock, type SessionChannel, type TokenStore, type WakeEvents } from '@payauth/core'
import type { NativeNavigator } from '@payauth/core/native'
import { type ExpoSecureStoreOptions, expoSecureStore } from './expoSecureStore.ts'
import type { ReactNativeModules } from './reactNativeModules.ts'
import { type ReactNativeNavigatorOptions, reactNativeNavigator } from './reactNativeNavigator.ts'
import { reactNativeWakeEvents } from './reactNativeWakeEvents.ts'

/** Everything `createAuthClient` takes from the platform, for a React Native app: spread it into the options. */
export interface ReactNativeEnvironment {
  /** {@link reactNativeNavigator}: the system's auth session; hand it to {@link completeRedirects} as well. */
  readonly navigator: NativeNavigator
  /** {@link expoSecureStore}: the iOS Keychain, Keystore-encrypted values on Android. */
  readonly store: TokenStore
  /** A lock of this runtime only (`memoryLock()`): one runtime runs the app, so no other tab refreshes. */
  readonly lock: AuthLock
  /** A channel that sends nothing: there is no other tab to tell. */
  readonly channel: SessionChannel
  /** {@link reactNativeWakeEvents}: the app came to the foreground. */
  readonly wakeEvents: WakeEvents
}

/** Options of `reactNativeAuth()`, passed to the navigator and the store it makes. */
export interface ReactNativeAuthOptions {
  /** Options of the navigator, see {@link reactNativeNavigator}; none by default. */
  readonly navigator?: ReactNativeNavigatorOptions
  /** Options of the store, see {@link expoSecureStore}; none by default. */
  readonly store?: ExpoSecureStoreOptions
}

/** One JavaScript runtime runs the app: there is no other tab to tell. */
const singleRuntime: SessionChannel = { post() {}, subscribe: () => () => {} }

/**
 * The React Native / Expo platform for `createAuthClient`: sign-in in ASWebAuthenticationSession or
 * Custom Tabs, tokens in expo-secure-store, session checks when the app comes to the foreground.
 * No IndexedDB, `window`, `location`, Web Locks or BroadcastChannel: one runtime, so the lock is
 * its own and there is no cross-tab channel. The redirect URI is a private-use scheme
 * (`com.example.app:/...`) or a claimed https link the app opens.
 * @see https://www.rfc-editor.org/rfc/rfc8252
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
