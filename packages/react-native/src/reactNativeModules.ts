/**
 * The few functions of Expo's and React Native's modules that the adapters call, typed by shape so
 * that this package has no runtime dependency on them: pass the modules the app already imports.
 * A test may pass look-alikes of the same shape.
 */

/** What `openAuthSessionAsync` resolves with: `success` with the redirect, or how it ended. */
export interface AuthSessionResultLike {
  /** `success`, `cancel` (the user closed it), `dismiss` (closed by code, or Android's polyfill), `locked` (one is open). */
  readonly type: string
  readonly url?: string
}

/** Options of `openAuthSessionAsync` this package passes on, as the app gives them. */
export interface AuthSessionOptionsLike {
  /** iOS: a session that shares no cookies with Safari (no single sign-on, nothing left behind). */
  readonly preferEphemeralSession?: boolean
  readonly toolbarColor?: string
  readonly showInRecents?: boolean
}

/**
 * `expo-web-browser`: ASWebAuthenticationSession on iOS, Custom Tabs on Android.
 * @see https://docs.expo.dev/versions/latest/sdk/webbrowser/
 */
export interface WebBrowserLike {
  openAuthSessionAsync(
    url: string,
    redirectUrl?: string | null,
    options?: AuthSessionOptionsLike,
  ): Promise<AuthSessionResultLike>
}

/** Options of `expo-secure-store`'s calls. */
export interface SecureStoreOptionsLike {
  readonly keychainService?: string
  readonly keychainAccessible?: number
}

/**
 * `expo-secure-store`: the iOS Keychain, Android's Keystore-encrypted preferences. Keys may hold
 * only `[A-Za-z0-9._-]`; values are strings of about 2 kB at most.
 * @see https://docs.expo.dev/versions/latest/sdk/securestore/
 */
export interface SecureStoreLike {
  getItemAsync(key: string, options?: SecureStoreOptionsLike): Promise<string | null>
  setItemAsync(key: string, value: string, options?: SecureStoreOptionsLike): Promise<void>
  deleteItemAsync(key: string, options?: SecureStoreOptionsLike): Promise<void>
  /** The module's constant, used by default: readable while unlocked, never migrated to another device. */
  readonly WHEN_UNLOCKED_THIS_DEVICE_ONLY?: number
}

/** What React Native's `addEventListener` functions return. */
export interface SubscriptionLike {
  remove(): void
}

/**
 * React Native's `AppState`: `active` when the app is in the foreground.
 * @see https://reactnative.dev/docs/appstate
 */
export interface AppStateLike {
  addEventListener(type: 'change', listener: (state: string) => void): SubscriptionLike
}

/**
 * React Native's `Linking`: links that open the app.
 * @see https://reactnative.dev/docs/linking
 */
export interface LinkingLike {
  /** The URL that launched the app (a cold start from a link), or null. */
  getInitialURL(): Promise<string | null>
  addEventListener(type: 'url', listener: (event: { url: string }) => void): SubscriptionLike
}

/** The modules `reactNativeAuth()` takes. */
export interface ReactNativeModules {
  readonly WebBrowser: WebBrowserLike
  readonly SecureStore: SecureStoreLike
  readonly AppState: AppStateLike
  readonly Linking: LinkingLike
}
