import type { ScaChannel, ScaMethod } from '@payauth/core'

/**
 * A text that depends on a count, by the `Intl.PluralRules` category of that count in the
 * messages' locale (`one`, `few`, `many`...); `other` is required and used for any category left
 * out. `{count}` stands for the count, formatted with the locale's digits.
 *
 * @example
 * const attemptsLeft: PluralMessage = { one: '{count} attempt left', other: '{count} attempts left' }
 */
export type PluralMessage = {
  /** The text for any category without its own; required. */
  readonly other: string
} & { readonly [category in Intl.LDMLPluralRule]?: string }

/**
 * What `<ScaChallenge>` says to the user after a failed attempt or resend, by the error's
 * `AuthErrorCode` (see `scaErrorText`). The core's own messages are English and meant for logs.
 * Failures that end the challenge (`sca_failed`, `sca_expired`, `sca_cancelled`, a sign-out) close
 * the dialog and reject the held call instead: the app shows those where it made the call.
 */
export interface ScaErrorMessages {
  /** `sca_rejected`: a wrong PIN or code; more attempts remain. */
  readonly rejected: string
  /** `sca_resend_refused`: no new code can be sent now. */
  readonly resendRefused: string
  /** `network_error`, `server_error`: the verifier could not be reached. */
  readonly unavailable: string
  /** Any other code. */
  readonly other: string
}

/**
 * Every text of `<ScaChallenge>`, in one language. Plain data (no functions), so it can come from a
 * JSON file or be handed from a React Server Component to the client. `{name}` placeholders are
 * filled in; numbers are formatted for `locale`. Start from a built-in set and override what you
 * need: `{ ...scaMessagesEn, title: 'Approve the payment' }`.
 *
 * @example
 * import { scaMessagesDe } from '@payauth/react/sca-messages/de'
 * <ScaChallenge messages={{ ...scaMessagesDe, locale: 'de-AT' }} />
 */
export interface ScaMessages {
  /** BCP 47 language tag for `Intl`: plural rules and digits. */
  readonly locale: string
  /** The dialog's heading. */
  readonly title: string
  /** Why the dialog is shown. */
  readonly description: string
  /** The countdown to expiry; `{time}` is `m:ss`. */
  readonly timeLeft: string
  /** How many more operations wait behind this one. */
  readonly operationsWaiting: PluralMessage
  /** Legend of the choice of method. */
  readonly verifyWith: string
  /** A method's name in the choice. */
  readonly methods: Readonly<Record<ScaMethod, string>>
  /** A method over a channel in the choice: `{method}`, `{channel}`. */
  readonly methodByChannel: string
  /** A channel's name, as in "by {channel}". */
  readonly channels: Readonly<Record<ScaChannel, string>>
  /** The label of the field the user fills in, by method. */
  readonly fieldLabels: Readonly<Record<ScaMethod, string>>
  /** Before a code is sent, to a masked `{target}`. */
  readonly codeWillBeSentTo: string
  /** Before a code is sent, when the target is unknown: `{channel}`. */
  readonly codeWillBeSentBy: string
  /** Once a code was sent, to a masked `{target}`. */
  readonly codeSentTo: string
  /** Once a code was sent, when the target is unknown: `{channel}`. */
  readonly codeSentBy: string
  /** The button that sends the first code. */
  readonly sendCode: string
  /** The button that sends another code, once one was sent and the cooldown is over. */
  readonly resendCode: string
  /** The resend button during its cooldown: `{seconds}`. */
  readonly resendCodeIn: string
  /** How many attempts are left, once the verifier has said: `{count}`. */
  readonly attemptsLeft: PluralMessage
  /** The submit button. */
  readonly verify: string
  /** The button that gives up the challenge (its call rejects with `sca_cancelled`). */
  readonly cancel: string
  /** What to say after a failed attempt or resend. */
  readonly errors: ScaErrorMessages
}
