export type {
  PendingScaChallenge,
  ScaAttempt,
  ScaAuthenticationMode,
  ScaChannel,
  ScaDetails,
  ScaMethod,
  ScaVerification,
} from '../challenge.ts'
export type { ScaFeature } from '../fetch/challengeHandlers.ts'
export { parseScaChallenge } from './parseScaChallenge.ts'
export { type PaysafeScaOptions, paysafeSca } from './paysafeSca.ts'
export { scaAuthorization } from './scaAuthorization.ts'
export { ScaError } from './scaError.ts'
export {
  type PartnerScaVerifierOptions,
  partnerScaVerifier,
  type ScaAttemptResult,
  type ScaOutcome,
  type ScaResendResult,
  type ScaVerifier,
  type ScaVerifierContext,
} from './scaVerifier.ts'
