import type { WWWAuthenticateChallenge } from 'oauth4webapi'
import type {
  PendingScaChallenge,
  PendingStepUp,
  ScaAttempt,
  ScaChannel,
  ScaDetails,
  StepUpRequirement,
} from '../challenge.ts'

/** What `auth.fetch` learns from a response that was refused. */
export interface RefusedResponse {
  readonly response: Response
  /** The `WWW-Authenticate` challenges as oauth4webapi parsed them; undefined when none parse. */
  readonly challenges: readonly WWWAuthenticateChallenge[] | undefined
}

/** PSD2 strong customer authentication (`paysafeSca()` in `@payauth/core/sca`), as the client drives it. */
export interface ScaHandler {
  /** The SCA challenge `refused` carries, or undefined; a malformed one is a typed error. */
  detect(refused: RefusedResponse): ScaDetails | undefined
  /** Waits while the user verifies; resolves with the `SCA-Authorization` header value. */
  complete(details: ScaDetails, signal: AbortSignal | undefined): Promise<string>
  current(): PendingScaChallenge | undefined
  verify(attempt: ScaAttempt): Promise<void>
  resend(channel: ScaChannel): Promise<void>
  /** Gives up the current challenge; its call rejects with `sca_cancelled`. */
  cancel(): void
  /** Ends every challenge (the session ended). */
  cancelAll(): void
}

export interface ScaDeps {
  readonly now: () => number
  readonly accessToken: () => Promise<string>
  /** The current challenge's view changed. */
  readonly onChange: () => void
}

/** The `sca` option: made by `paysafeSca()`. Its parameter and result are the client's own wiring. */
export type ScaFeature = (deps: ScaDeps) => ScaHandler

/** RFC 9470 step-up (`stepUp()` in `@payauth/core/step-up`), as the client drives it. */
export interface StepUpHandler {
  /** The stronger sign-in `refused` asks for, or undefined. */
  detect(refused: RefusedResponse): StepUpRequirement | undefined
  /** Records `requirement` as pending; returns the error the call rejects with. */
  require(requirement: StepUpRequirement): Error
  current(): PendingStepUp | undefined
  /** Signs in again as the pending step-up asks. */
  start(options: { readonly returnTo?: string }): Promise<void>
  cancel(): void
}

export interface StepUpDeps {
  /** Starts a sign-in with these options (the client's `login`). */
  readonly login: (options: {
    readonly returnTo?: string
    readonly scope: readonly string[]
    readonly params: Readonly<Record<string, string>>
  }) => Promise<void>
  /** The scopes the session has now (or the client's, signed out). */
  readonly grantedScope: () => readonly string[]
  /** The scopes the client signs in for. */
  readonly clientScope: readonly string[]
  readonly onChange: () => void
}

/** The `stepUp` option: made by `stepUp()`. Its parameter and result are the client's own wiring. */
export type StepUpFeature = (deps: StepUpDeps) => StepUpHandler
