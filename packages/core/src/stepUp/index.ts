export type { PendingStepUp, StepUpRequirement } from '../challenge.ts'
export type { StepUpFeature } from '../fetch/challengeHandlers.ts'
export { stepUp } from './stepUp.ts'
export { StepUpRequiredError } from './stepUpRequiredError.ts'
