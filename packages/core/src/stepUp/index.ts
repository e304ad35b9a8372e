export type { PendingStepUp, StepUpRequirement } from '../challenge.ts'
export type { StepUpFeature } from '../fetch/challengeHandlers.ts'
export { type StepUpOptions, stepUp } from './stepUp.ts'
export { StepUpRequiredError } from './stepUpRequiredError.ts'
