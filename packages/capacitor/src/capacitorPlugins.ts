/**
 * The few methods of Capacitor's plugins that the adapters call, typed by shape so that this
 * package has no runtime dependency on them: pass the plugin objects the app already imports.
 * A test may pass look-alikes of the same shape.
 */

/** What `addListener` of a Capacitor plugin resolves with. */
export interface PluginListenerHandleLike {
  /** Removes the listener. */
  remove(): Promise<void>
}

/**
 * `Browser` of `@capacitor/browser`: SFSafariViewController on iOS, a Custom Tab on Android.
 * @see https://capacitorjs.com/docs/apis/browser
 */
export interface BrowserPluginLike {
  /** Shows `url` in the in-app browser; a failure to open becomes `popup_blocked`. */
  open(options: { url: string; toolbarColor?: string; presentationStyle?: 'fullscreen' | 'popover' }): Promise<void>
  /** iOS and web only; a no-op on Android, where the app coming to the front covers the Custom Tab. */
  close(): Promise<void>
  /** Fires when the user closed the browser (and, on Android, whenever the Custom Tab is hidden). */
  addListener(eventName: 'browserFinished', listener: () => void): Promise<PluginListenerHandleLike>
}

/**
 * `App` of `@capacitor/app`: links that open the app, and its foreground state.
 * @see https://capacitorjs.com/docs/apis/app
 */
export interface AppPluginLike {
  /** The URL the app was launched with (a cold start from a link), if any. */
  getLaunchUrl(): Promise<
    | {
        /** The link that launched the app. */
        url: string
      }
    | undefined
  >
  /** Calls `listener` with each link that opens the app (the sign-in's redirect among them). */
  addListener(eventName: 'appUrlOpen', listener: (event: { url: string }) => void): Promise<PluginListenerHandleLike>
  /** Calls `listener` whenever the app comes to the foreground (`isActive`) or leaves it. */
  addListener(
    eventName: 'appStateChange',
    listener: (state: { isActive: boolean }) => void,
  ): Promise<PluginListenerHandleLike>
  /** Calls `listener` whenever the app resumes from the background. */
  addListener(eventName: 'resume', listener: () => void): Promise<PluginListenerHandleLike>
}

/** What `@aparajita/capacitor-secure-storage` stores: JSON data. */
export type SecureStorageData = string | number | boolean | Record<string, unknown> | unknown[]

/**
 * `SecureStorage` of `@aparajita/capacitor-secure-storage`: the iOS Keychain, and on Android
 * AES-GCM with a key held by the Android KeyStore.
 * @see https://github.com/aparajita/capacitor-secure-storage
 */
export interface SecureStoragePluginLike {
  /**
   * The data under `key`, or null when there is none. payauth passes `convertDate: false` (no ISO
   * string turns into a `Date`) and `sync: false` (never the iCloud Keychain).
   */
  get(key: string, convertDate?: boolean, sync?: boolean): Promise<unknown>
  /** Stores `data` under `key` as JSON; payauth passes `access`, the Keychain accessibility, too. */
  set(key: string, data: SecureStorageData, convertDate?: boolean, sync?: boolean, access?: number): Promise<void>
  /** Removes `key`; resolves true when there was data under it. */
  remove(key: string, sync?: boolean): Promise<boolean>
  /** Every key with the plugin's prefix, without it. */
  keys(sync?: boolean): Promise<string[]>
}

/** The plugins `capacitorAuth()` takes. */
export interface CapacitorPlugins {
  /** `Browser` of `@capacitor/browser`. */
  readonly Browser: BrowserPluginLike
  /** `App` of `@capacitor/app`. */
  readonly App: AppPluginLike
  /** `SecureStorage` of `@aparajita/capacitor-secure-storage`. */
  readonly SecureStorage: SecureStoragePluginLike
}
