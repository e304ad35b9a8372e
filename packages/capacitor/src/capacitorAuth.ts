import { type AuthLock, memoryLock, type SessionChannel, type TokenStore, type WakeEvents } from '@payauth/core'
import type { NativeNavigator } from '@payauth/core/native'
import { type CapacitorNavigatorOptions, capacitorNavigator } from './capacitorNavigator.ts'
import type { CapacitorPlugins } from './capacitorPlugins.ts'
import { type CapacitorSecureStoreOptions, capacitorSecureStore } from './capacitorSecureStore.ts'
import { capacitorWakeEvents } from './capacitorWakeEvents.ts'

/** Everything `createAuthClient` takes from the platform, for a Capacitor app: spread it into the options. */
export interface CapacitorEnvironment {
  /** {@link capacitorNavigator}: the system browser; hand it to {@link completeRedirects} as well. */
  readonly navigator: NativeNavigator
  /** {@link capacitorSecureStore}: the iOS Keychain, the Android KeyStore. */
  readonly store: TokenStore
  /** A lock of this page only (`memoryLock()`): one web view runs the app, so no other tab refreshes. */
  readonly lock: AuthLock
  /** A channel that sends nothing: there is no other tab to tell. */
  readonly channel: SessionChannel
  /** {@link capacitorWakeEvents}: the app came to the foreground. */
  readonly wakeEvents: WakeEvents
}

/** Options of `capacitorAuth()`, passed to the navigator and the store it makes. */
export interface CapacitorAuthOptions {
  /** Options of the navigator, see {@link capacitorNavigator}; none by default. */
  readonly navigator?: CapacitorNavigatorOptions
  /** Options of the store, see {@link capacitorSecureStore}; none by default. */
  readonly store?: CapacitorSecureStoreOptions
}

/** One web view shares no session with another: there is nobody to tell. */
const singleWebView: SessionChannel = { post() {}, subscribe: () => () => {} }

/**
 * The Capacitor platform for `createAuthClient`: sign-in in the system browser, tokens in the
 * Keychain / Android KeyStore, session checks when the app comes to the foreground. One web view
 * runs the app, so the lock is this page's own and there is no cross-tab channel. The redirect URI
 * is a private-use scheme (`com.example.app:/...`) or a claimed https link the app opens.
 * @see https://www.rfc-editor.org/rfc/rfc8252
 * @example
 * import { App } from '@capacitor/app'
 * import { Browser } from '@capacitor/browser'
 * import { SecureStorage } from '@aparajita/capacitor-secure-storage'
 * import { createAuthClient, pace } from '@payauth/core'
 * import { capacitorAuth, completeRedirects } from '@payauth/capacitor'
 *
 * const redirectUri = 'com.example.wallet:/oauth2redirect'
 * const native = capacitorAuth({ Browser, App, SecureStorage })
 * const auth = createAuthClient({ provider: pace({ environment: 'production' }), clientId: 'wallet-app', redirectUri, ...native })
 * completeRedirects(auth, native.navigator, { redirectUri })
 * await auth.loginWithPopup()
 */
export function capacitorAuth(plugins: CapacitorPlugins, options: CapacitorAuthOptions = {}): CapacitorEnvironment {
  return {
    navigator: capacitorNavigator(plugins, options.navigator),
    store: capacitorSecureStore(plugins, options.store),
    lock: memoryLock(),
    channel: singleWebView,
    wakeEvents: capacitorWakeEvents(plugins),
  }
}
