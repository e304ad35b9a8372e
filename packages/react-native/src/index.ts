export type { NativeNavigator } from '@payauth/core/native'
export { type CompleteRedirectsOptions, completeRedirects } from '@payauth/core/native'
export { type ExpoSecureStoreOptions, expoSecureStore } from './expoSecureStore.ts'
export { type ReactNativeAuthOptions, type ReactNativeEnvironment, reactNativeAuth } from './reactNativeAuth.ts'
export type {
  AppStateLike,
  AuthSessionOptionsLike,
  AuthSessionResultLike,
  LinkingLike,
  ReactNativeModules,
  SecureStoreLike,
  SecureStoreOptionsLike,
  SubscriptionLike,
  WebBrowserLike,
} from './reactNativeModules.ts'
export { type ReactNativeNavigatorOptions, reactNativeNavigator } from './reactNativeNavigator.ts'
export { reactNativeWakeEvents } from './reactNativeWakeEvents.ts'
