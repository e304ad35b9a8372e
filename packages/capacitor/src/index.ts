export type { NativeNavigator } from '@payauth/core/native'
export { type CompleteRedirectsOptions, completeRedirects } from '@payauth/core/native'
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
