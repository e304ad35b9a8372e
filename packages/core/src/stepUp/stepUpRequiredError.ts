import type { StepUpRequirement } from '../challenge.ts'
import { AuthError } from '../errors.ts'

/**
 * The call was refused until the user signs in more strongly (code `step_up_required`); the
 * client's `stepUp()` does that. It carries what the resource asked for.
 * @see https://www.rfc-editor.org/rfc/rfc9470
 */
export class StepUpRequiredError extends AuthError implements StepUpRequirement {
  /** `StepUpRequiredError`. */
  override readonly name: string = 'StepUpRequiredError'
  readonly reason: StepUpRequirement['reason']
  readonly acrValues: readonly string[] | undefined
  readonly maxAge: number | undefined
  readonly scope: readonly string[] | undefined
  readonly description: string | undefined

  constructor(requirement: StepUpRequirement, options: { cause: unknown }) {
    const needs = [
      requirement.acrValues && `acr ${requirement.acrValues.join(' or ')}`,
      requirement.maxAge !== undefined && `a sign-in at most ${requirement.maxAge} s old`,
      requirement.scope && `scope ${requirement.scope.join(' ')}`,
    ].filter(Boolean)
    super('step_up_required', `The resource requires ${needs.join(', ') || 'a stronger sign-in'}`, options)
    this.reason = requirement.reason
    this.acrValues = requirement.acrValues
    this.maxAge = requirement.maxAge
    this.scope = requirement.scope
    this.description = requirement.description
  }
}
