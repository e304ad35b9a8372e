export { type CompleteRedirectsOptions, completeRedirects } from './completeRedirects.ts'
export { type ExpoSecureStoreOptions, expoSecureStore } from './expoSecureStore.ts'
export type { NativeNavigator } from './nativeNavigator.ts'
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
