export type { Intent, IntentType } from '../tokenSet.ts'
export { IntentError, type IntentErrorName, intentErrors } from './intentError.ts'
export { type Oauth20Options, type Oauth20Scope, oauth20 } from './oauth20.ts'
