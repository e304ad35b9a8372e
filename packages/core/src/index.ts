export { accessTokenOf, onAccessTokenChange } from './accessTokenChanges.ts'
export { type AuthClient, createAuthClient } from './authClient.ts'
export type {
  AuthClientOptions,
  CallbackResult,
  ClientOptions,
  LoginOptions,
  LogoutOptions,
} from './authClientTypes.ts'
export type {
  PendingChallenge,
  PendingScaChallenge,
  PendingStepUp,
  ScaAttempt,
  ScaAuthenticationMode,
  ScaChannel,
  ScaDetails,
  ScaMethod,
  ScaVerification,
  StepUpRequirement,
} from './challenge.ts'
export { AuthError, AuthErrorCode, isAuthError, type OAuthErrorFields, OAuthResponseError } from './errors.ts'
export type { ScaFeature, StepUpFeature } from './fetch/challengeHandlers.ts'
export type { AuthNavigator } from './navigation/authNavigator.ts'
export { browserNavigator } from './navigation/browserNavigator.ts'
export type { ProviderEndpoints } from './oauth/explicitServer.ts'
export type { FetchLike } from './oauth/httpOptions.ts'
export type { DpopFeature, ParFeature, RarFeature } from './oauth/protocolFeatures.ts'
export type { CheckedScope, OAuthProvider } from './providers/oauthProvider.ts'
export { type OidcOptions, oidc } from './providers/oidc.ts'
export {
  type PaceEnvironment,
  type PaceOptions,
  type PacePaymentScope,
  type PaceScope,
  pace,
} from './providers/pace.ts'
export type { AuthLock } from './session/authLock.ts'
export { type LeaseLockOptions, leaseLock } from './session/leaseLock.ts'
export { memoryLock } from './session/memoryLock.ts'
export { broadcastSessionChannel, type SessionChannel, type SessionMessage } from './session/sessionChannel.ts'
export type { TokenSource } from './session/tokenSource.ts'
export { browserWakeEvents, type WakeEvents } from './session/wakeEvents.ts'
export { webLocks } from './session/webLocks.ts'
export type { AuthSnapshot, AuthStatus, Session, SignedOutReason } from './snapshot.ts'
export { type IdbTokenStoreOptions, idbTokenStore } from './storage/idbTokenStore.ts'
export { memoryTokenStore } from './storage/memoryTokenStore.ts'
export type { TokenStore } from './storage/tokenStore.ts'
export type { AuthorizationDetail, Intent, IntentType, TokenSet, UserClaims } from './tokenSet.ts'
