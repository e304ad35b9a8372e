/**
 * The few methods of Capacitor's plugins that the adapters call, typed by shape so that this
 * package has no runtime dependency on them: pass the plugin objects the app already imports.
 * A test may pass look-alikes of the same shape.
 */

/** What `addListener` of a Capacitor plugin resolves with. */
export interface PluginListenerHandleLike {
  remove(): Promise<void>
}

/**
 * `Browser` of `@capacitor/browser`: SFSafariViewController on iOS, a Custom Tab on Android.
 * @see https://capacitorjs.com/docs/apis/browser
 */
export interface BrowserPluginLike {
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
  getLaunchUrl(): Promise<{ url: string } | undefined>
  addListener(eventName: 'appUrlOpen', listener: (event: { url: string }) => void): Promise<PluginListenerHandleLike>
  addListener(
    eventName: 'appStateChange',
    listener: (state: { isActive: boolean }) => void,
  ): Promise<PluginListenerHandleLike>
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
  get(key: string, convertDate?: boolean, sync?: boolean): Promise<unknown>
  set(key: string, data: SecureStorageData, convertDate?: boolean, sync?: boolean, access?: number): Promise<void>
  remove(key: string, sync?: boolean): Promise<boolean>
  keys(sync?: boolean): Promise<string[]>
}

/** The plugins `capacitorAuth()` takes. */
export interface CapacitorPlugins {
  readonly Browser: BrowserPluginLike
  readonly App: AppPluginLike
  readonly SecureStorage: SecureStoragePluginLike
}
