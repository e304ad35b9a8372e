export { type CapacitorAuthOptions, type CapacitorEnvironment, capacitorAuth } from './capacitorAuth.ts'
export { type CapacitorNavigatorOptions, capacitorNavigator } from './capacitorNavigator.ts'
export type {
  AppPluginLike,
  BrowserPluginLike,
  CapacitorPlugins,
  PluginListenerHandleLike,
  SecureStorageData,
  SecureStoragePluginLike,
} from './capacitorPlugins.ts'
export { type CapacitorSecureStoreOptions, capacitorSecureStore } from './capacitorSecureStore.ts'
export { capacitorWakeEvents } from './capacitorWakeEvents.ts'
export { type CompleteRedirectsOptions, completeRedirects } from './completeRedirects.ts'
export type { NativeNavigator } from './nativeNavigator.ts'
