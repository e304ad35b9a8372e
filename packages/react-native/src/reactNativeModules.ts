/**
 * The few functions of Expo's and React Native's modules that the adapters call, typed by shape so
 * that this package has no runtime dependency on them: pass the modules the app already imports.
 * A test may pass look-alikes of the same shape.
 */

/** What `openAuthSessionAsync` resolves with: `success` with the redirect, or how it ended. */
export interface AuthSessionResultLike {
  /** `success`, `cancel` (the user closed it), `dismiss` (closed by code, or Android's polyfill), `locked` (one is open). */
  readonly type: string
  /** The URL the session ended on, with `success`; undefined otherwise. */
  readonly url?: string
}

/** Options of `openAuthSessionAsync` this package passes on, as the app gives them. */
export interface AuthSessionOptionsLike {
  /** iOS: a session that shares no cookies with Safari (no single sign-on, nothing left behind). */
  readonly preferEphemeralSession?: boolean
  /** Android: the Custom Tab's toolbar colour, as `#RRGGBB` or `#AARRGGBB`. */
  readonly toolbarColor?: string
  /** Android: whether the browser shows as an entry of its own among the recent apps. */
  readonly showInRecents?: boolean
}

/**
 * `expo-web-browser`: ASWebAuthenticationSession on iOS, Custom Tabs on Android.
 * @see https://docs.expo.dev/versions/latest/sdk/webbrowser/
 */
export interface WebBrowserLike {
  /**
   * Opens `url` in an auth session, which closes itself on a redirect to `redirectUrl`, and
   * resolves with how it ended.
   */
  openAuthSessionAsync(
    url: string,
    redirectUrl?: string | null,
    options?: AuthSessionOptionsLike,
  ): Promise<AuthSessionResultLike>
  /**
   * Closes the open auth session, which then resolves `dismiss`. iOS only: on Android it throws, as
   * Custom Tabs cannot be closed by the app.
   */
  dismissAuthSession?(): void
}

/** Options of `expo-secure-store`'s calls. */
export interface SecureStoreOptionsLike {
  /**
   * iOS: the Keychain item's service (`kSecAttrService`); Android: the alias of the Keystore key
   * pair. A value written with one is read back only with the same.
   */
  readonly keychainService?: string
  /** iOS: when the value may be read (`kSecAttrAccessible`), one of the module's constants. */
  readonly keychainAccessible?: number
}

/**
 * `expo-secure-store`: the iOS Keychain, Android's Keystore-encrypted preferences. Keys may hold
 * only `[A-Za-z0-9._-]`; values are strings of about 2 kB at most.
 * @see https://docs.expo.dev/versions/latest/sdk/securestore/
 */
export interface SecureStoreLike {
  /** The value stored under `key`, or null when there is none. */
  getItemAsync(key: string, options?: SecureStoreOptionsLike): Promise<string | null>
  /** Stores `value` under `key`, replacing what was there. */
  setItemAsync(key: string, value: string, options?: SecureStoreOptionsLike): Promise<void>
  /** Removes what is stored under `key`. */
  deleteItemAsync(key: string, options?: SecureStoreOptionsLike): Promise<void>
  /** The module's constant, used by default: readable while unlocked, never migrated to another device. */
  readonly WHEN_UNLOCKED_THIS_DEVICE_ONLY?: number
}

/** What React Native's `addEventListener` functions return. */
export interface SubscriptionLike {
  /** Removes the listener. */
  remove(): void
}

/**
 * React Native's `AppState`: `active` when the app is in the foreground.
 * @see https://reactnative.dev/docs/appstate
 */
export interface AppStateLike {
  /** Calls `listener` with the new state (`active`, `background`, `inactive`) whenever it changes. */
  addEventListener(type: 'change', listener: (state: string) => void): SubscriptionLike
}

/**
 * React Native's `Linking`: links that open the app.
 * @see https://reactnative.dev/docs/linking
 */
export interface LinkingLike {
  /** The URL that launched the app (a cold start from a link), or null. */
  getInitialURL(): Promise<string | null>
  /** Calls `listener` with each link that opens the app while it runs (the sign-in's redirect among them). */
  addEventListener(type: 'url', listener: (event: { url: string }) => void): SubscriptionLike
}

/** The modules `reactNativeAuth()` takes. */
export interface ReactNativeModules {
  /** `expo-web-browser` (`import * as WebBrowser from 'expo-web-browser'`). */
  readonly WebBrowser: WebBrowserLike
  /** `expo-secure-store` (`import * as SecureStore from 'expo-secure-store'`). */
  readonly SecureStore: SecureStoreLike
  /** `AppState` of `react-native`. */
  readonly AppState: AppStateLike
  /** `Linking` of `react-native`. */
  readonly Linking: LinkingLike
}
