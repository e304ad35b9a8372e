export { onAccessTokenChange } from './accessTokenChanges.ts'
export { type AuthClient, createAuthClient } from './authClient.ts'
export type { AuthClientOptions, CallbackResult, LoginOptions, LogoutOptions } from './authClientOptions.ts'
export {
  AuthError,
  AuthErrorCode,
  IntentError,
  type IntentErrorName,
  intentErrors,
  isAuthError,
  type OAuthErrorFields,
  OAuthResponseError,
  ScaError,
  StepUpRequiredError,
  type StepUpRequirement,
} from './errors.ts'
export type { AuthNavigator } from './navigation/authNavigator.ts'
export { browserNavigator } from './navigation/browserNavigator.ts'
export type { AuthorizationDetail } from './oauth/authorizationDetails.ts'
export { type ExchangedToken, type TokenExchangeOptions, TokenTypeUri } from './oauth/exchangeToken.ts'
export type { Intent } from './oauth/intentParams.ts'
export { type IntentType, type Oauth20Options, type Oauth20Scope, oauth20 } from './providers/oauth20.ts'
export type { CheckedScope, IntentParams, OAuthProvider, ProviderEndpoints } from './providers/oauthProvider.ts'
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
export type { UserClaims } from './session/tokenSet.ts'
export { browserWakeEvents, type WakeEvents } from './session/wakeEvents.ts'
export { webLocks } from './session/webLocks.ts'
export type { AuthSnapshot, AuthStatus, Session, SignedOutReason } from './snapshot.ts'
export { parseScaChallenge } from './stepUp/parseScaChallenge.ts'
export type { PendingChallenge, PendingScaChallenge, PendingStepUp } from './stepUp/pendingChallenge.ts'
export type {
  ScaAuthenticationMode,
  ScaChannel,
  ScaDetails,
  ScaMethod,
  ScaVerification,
} from './stepUp/scaDetails.ts'
export {
  type PartnerScaVerifierOptions,
  partnerScaVerifier,
  type ScaAttempt,
  type ScaAttemptResult,
  type ScaOutcome,
  type ScaResendResult,
  type ScaVerifier,
  type ScaVerifierContext,
} from './stepUp/scaVerifier.ts'
export { type IdbTokenStoreOptions, idbTokenStore } from './storage/idbTokenStore.ts'
export { memoryTokenStore } from './storage/memoryTokenStore.ts'
export type { TokenStore } from './storage/tokenStore.ts'
