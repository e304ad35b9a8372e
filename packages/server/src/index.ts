// @payauth/server: the backend-for-frontend and its session stores, token sources for the confidential
// providers, and the partner side of Paysafe's OUTSOURCED SCA. Explicit named exports only.
export type { AccessTokenView } from './bff/accessTokenRoute.ts'
export type { BffLogger, BffMode, BffOptions } from './bff/bffOptions.ts'
export type { BffProvider, IntentSettings, ProviderEndpoints } from './bff/bffProvider.ts'
export {
  type ClientAuthentication,
  type ClientAuthenticationMethod,
  clientSecretBasic,
  clientSecretPost,
  privateKeyJwt,
} from './bff/clientAuthentication.ts'
export { type Bff, createBff } from './bff/createBff.ts'
export { type IntentView, intentTypes } from './bff/intentRoute.ts'
export type { LogoutView } from './bff/logoutRoute.ts'
export { type Oauth20ProviderOptions, oauth20Provider } from './bff/oauth20Provider.ts'
export { type PaceProviderOptions, paceIssuers, paceProvider } from './bff/paceProvider.ts'
export type { SessionView } from './bff/sessionRoute.ts'
export { ServerAuthError, ServerErrorCode, ServerOAuthError } from './errors.ts'
export {
  type NodeHandler,
  type NodeHandlerOptions,
  type NodeHandlerTarget,
  toNodeHandler,
} from './http/toNodeHandler.ts'
export {
  type JwksUserVerifierOptions,
  jwksUserVerifier,
  type UserVerifier,
  type VerifiedUser,
} from './sca/jwksUserVerifier.ts'
export {
  type CredentialCheck,
  type OneTimeCodeRequest,
  type OneTimeCodeResult,
  type PaysafeScaRouteOptions,
  paysafeScaRoute,
  type ScaUser,
} from './sca/paysafeScaRoute.ts'
export type { ScaChannel, ScaMethod } from './sca/scaMethods.ts'
export type { BffSession, SessionIntent } from './sessions/bffSession.ts'
export { cookieSessionStore } from './sessions/cookieSessionStore.ts'
export { generateSessionKey, type KeyRing } from './sessions/keyRing.ts'
export type { RedisCommands } from './sessions/redisCommands.ts'
export { type RedisSessionStoreOptions, redisSessionStore } from './sessions/redisSessionStore.ts'
export type { SessionStore, SessionStoreDeps, SessionStoreFactory, StoredSession } from './sessions/sessionStore.ts'
export { GetpaidToken } from './sources/getpaid/getpaidToken.ts'
export {
  type GetpaidEnvironment,
  type GetpaidScope,
  type GetpaidTokenSource,
  type GetpaidTokenSourceOptions,
  getpaidAudiences,
  getpaidTokenSource,
} from './sources/getpaid/getpaidTokenSource.ts'
export { PaysafeToken, type PaysafeTokenExtras } from './sources/paysafe/paysafeToken.ts'
export {
  type PaysafePasswordGrantRequest,
  type PaysafeTokenExchangeRequest,
  type PaysafeTokenSource,
  type PaysafeTokenSourceOptions,
  paysafeTokenSource,
} from './sources/paysafe/paysafeTokenSource.ts'
export type { PaysafeUserTokens } from './sources/paysafe/paysafeUserTokens.ts'
export { type PicpayAuthorizationDetail, PicpayToken, type PicpayTokenExtras } from './sources/picpay/picpayToken.ts'
export {
  isPicpayTokenError,
  type PicpayTokenErrorCode,
  type PicpayTokenSource,
  type PicpayTokenSourceOptions,
  picpayTokenSource,
} from './sources/picpay/picpayTokenSource.ts'
export { ProviderToken, type ProviderTokenFields } from './sources/providerToken.ts'
export { type ProviderErrorFields, ProviderTokenError } from './sources/providerTokenError.ts'
export { defaultRetryPolicy, type RetryPolicy } from './sources/retryPolicy.ts'
export type { TokenSource } from './sources/tokenSource.ts'
export type { FetchLike, ServerLogger, TokenSourceOptions } from './sources/tokenSourceOptions.ts'
