// @payauth/server: token sources for the confidential providers and the partner side of
// Paysafe's OUTSOURCED SCA. Explicit named exports only; each export's TSDoc is on its declaration.
export { ServerAuthError, ServerErrorCode } from './errors.ts'
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
