import type { WWWAuthenticateChallengeParameters } from 'oauth4webapi'
import type { PendingStepUp, StepUpRequirement } from '../challenge.ts'
import type { StepUpFeature } from '../fetch/challengeHandlers.ts'
import { StepUpRequiredError } from './stepUpRequiredError.ts'

const stepUpErrors = ['insufficient_user_authentication', 'insufficient_scope'] as const

/** Options of `stepUp()`. */
export interface StepUpOptions {
  /**
   * Scopes a step-up may add to the next sign-in; the client's own `scope` by default. A resource
   * asking for others is refused them: a challenge cannot widen what the app signs in for.
   */
  readonly scopes?: readonly string[]
}

/**
 * RFC 9470 step-up: a resource's `Bearer error="insufficient_user_authentication", acr_values=…,
 * max_age=…` (or `insufficient_scope, scope=…`) on a 401 or 403 rejects `auth.fetch` with a
 * `StepUpRequiredError` and shows `snapshot.challenge`; `auth.stepUp()` signs in again as asked,
 * keeping the scopes already granted.
 * @see https://www.rfc-editor.org/rfc/rfc9470
 * @example createAuthClient({ ..., stepUp: stepUp() })
 */
export function stepUp(options: StepUpOptions = {}): StepUpFeature {
  return (deps) => {
    let pending: PendingStepUp | undefined
    const allowed = new Set(options.scopes ?? deps.clientScope)
    return {
      detect({ response, challenges }) {
        // A challenge on a 200 is the server's answer, not a reason to reject a payment that went through.
        if (response.status !== 401 && response.status !== 403) return undefined
        const bearer = challenges?.find(({ scheme }) => scheme === 'bearer' || scheme === 'dpop')
        const reason = stepUpErrors.find((error) => error === bearer?.parameters.error)
        return bearer && reason ? requirementOf(reason, bearer.parameters) : undefined
      },
      require(requirement) {
        pending = { kind: 'stepUp', ...requirement }
        deps.onChange()
        return new StepUpRequiredError(requirement, { cause: requirement })
      },
      current: () => pending,
      start(options) {
        const requirement = pending
        return deps.login({
          ...(options.returnTo !== undefined ? { returnTo: options.returnTo } : {}),
          scope: [...new Set([...deps.grantedScope(), ...(requirement?.scope ?? []).filter((s) => allowed.has(s))])],
          params: {
            ...(requirement?.acrValues ? { acr_values: requirement.acrValues.join(' ') } : {}),
            ...(requirement?.maxAge !== undefined ? { max_age: String(requirement.maxAge) } : {}),
          },
        })
      },
      cancel() {
        pending = undefined
        deps.onChange()
      },
    }
  }
}

/** The RFC 9470 / RFC 6750 parameters of a step-up challenge. */
function requirementOf(
  reason: StepUpRequirement['reason'],
  parameters: WWWAuthenticateChallengeParameters,
): StepUpRequirement {
  const maxAge = parameters.max_age === undefined ? Number.NaN : Number(parameters.max_age)
  const words = (value: string | undefined) => value?.split(' ').filter(Boolean)
  return {
    reason,
    acrValues: words(parameters.acr_values),
    maxAge: Number.isInteger(maxAge) && maxAge >= 0 ? maxAge : undefined,
    scope: words(parameters.scope),
    description: parameters.error_description,
  }
}
