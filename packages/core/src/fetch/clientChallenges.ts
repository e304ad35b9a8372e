import type { ScaAttempt, ScaChannel } from '../challenge.ts'
import { authError } from '../errors.ts'
import type { SnapshotEvent } from '../snapshot.ts'
import type { ScaDeps, ScaFeature, ScaHandler, StepUpDeps, StepUpFeature, StepUpHandler } from './challengeHandlers.ts'

export interface ClientChallengesDeps extends Omit<ScaDeps, 'onChange'>, Omit<StepUpDeps, 'onChange'> {
  readonly dispatch: (event: SnapshotEvent) => void
}

export interface ClientChallenges {
  readonly sca: ScaHandler | undefined
  readonly stepUp: StepUpHandler | undefined
  /** The client's challenge methods; without the feature, each is a typed `invalid_config` error. */
  readonly actions: {
    verifyChallenge(attempt: ScaAttempt): Promise<void>
    resendChallenge(channel: ScaChannel): Promise<void>
    cancelChallenge(): void
    stepUp(options?: { readonly returnTo?: string }): Promise<void>
  }
  /** Ends what waited on the session (it ended). */
  end(): void
}

/** The opted-in challenge features, wired to the snapshot: the one shown is SCA's, else step-up's. */
export function clientChallenges(
  features: { readonly sca?: ScaFeature | undefined; readonly stepUp?: StepUpFeature | undefined },
  deps: ClientChallengesDeps,
): ClientChallenges {
  const onChange = () => deps.dispatch({ type: 'challenge', challenge: sca?.current() ?? stepUp?.current() })
  const sca = features.sca?.({ ...deps, onChange })
  const stepUp = features.stepUp?.({ ...deps, onChange })
  const notConfigured = (feature: string) =>
    Promise.reject(authError('invalid_config', `This needs the ${feature} option of createAuthClient`, { feature }))
  return {
    sca,
    stepUp,
    actions: {
      verifyChallenge: (attempt) => (sca ? sca.verify(attempt) : notConfigured('sca')),
      resendChallenge: (channel) => (sca ? sca.resend(channel) : notConfigured('sca')),
      cancelChallenge: () => (sca?.current() ? sca.cancel() : stepUp?.cancel()),
      stepUp: (options = {}) => (stepUp ? stepUp.start(options) : notConfigured('stepUp')),
    },
    end() {
      stepUp?.cancel()
      sca?.cancelAll()
    },
  }
}
