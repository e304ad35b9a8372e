import type { AuthError } from './errors.ts'

/** How the partner and the wallet share the work of strong customer authentication. */
export type ScaAuthenticationMode = 'OUTSOURCED' | 'EMBEDDED' | 'HYBRID'
/**
 * A way the user may verify, as the wallet names it. A challenge that lists any other is refused as
 * `invalid_sca_challenge`.
 */
export type ScaMethod = 'PASSWORD' | 'PIN' | 'PASSKEYS' | 'OTP' | 'BIOMETRIC'
/**
 * How a one-time code (or the request to verify) reaches the user, as the wallet names it. A
 * challenge that lists any other is refused as `invalid_sca_challenge`.
 */
export type ScaChannel = 'SMS' | 'EMAIL' | 'AUTHENTICATOR' | 'PUSH_NOTIFICATION' | 'REDIRECT'

/** One way the user may verify; `target` is already masked by the server (`jo***@example.com`). */
export interface ScaVerification {
  /** The method the user may verify with. */
  readonly method: ScaMethod
  /** The channel a code goes out on, for methods that send one (`OTP`); undefined when the wallet names none. */
  readonly channel?: ScaChannel
  /** Where the code goes, masked by the server; undefined when the wallet does not say. */
  readonly target?: string
}

/** What the user entered for an SCA challenge: a PIN, a one-time code, a password... */
export interface ScaAttempt {
  /**
   * The method the user verified with, normally one of the challenge's `availableVerifications`.
   * payauth does not check it: the verifier decides what it accepts.
   */
  readonly method: ScaMethod
  /** The channel the one-time code came over, for `OTP`; undefined for methods without one. */
  readonly channel?: ScaChannel
  /** What the user entered, handed to the verifier as it is; payauth does not keep it. */
  readonly value: string
}

/**
 * A PSD2 strong-customer-authentication challenge as a Paysafe-style wallet API sends it, in
 * payauth's shape: times as epoch milliseconds.
 */
export interface ScaDetails {
  /**
   * The wallet's id of this SCA event. It becomes a path segment of the verifier's URL, so a
   * challenge whose id is not a plain identifier (URL-safe characters, at most 128) is refused.
   */
  readonly eventId: string
  /** The id of the wallet operation the challenge holds back; `SCA-Authorization` names it once verified. */
  readonly walletOperationId: string
  /** How the partner and the wallet share the work; in `OUTSOURCED` mode the partner's backend verifies. */
  readonly authenticationMode: ScaAuthenticationMode
  /** Empty means any method agreed with the wallet. */
  readonly availableVerifications: readonly ScaVerification[]
  /** When the wallet created the challenge (its `creationTime`), epoch milliseconds on the server's clock. */
  readonly createdAt: number
  /**
   * When the challenge expires, epoch milliseconds. As `parseScaChallenge` returns it, the server's
   * `expirationTime`; once the client holds the challenge (the snapshot, the verifier's calls), on
   * this device's clock: the server's window counted from when the challenge arrived.
   */
  readonly expiresAt: number
  /** The challenge's `realm`, e.g. `Authentication`; undefined when the header has none. */
  readonly realm: string | undefined
}

/**
 * The SCA challenge the user is asked to complete now, as the snapshot shows it. `expiresAt` is on
 * this device's clock: the server's window, counted from when the challenge arrived (`createdAt`
 * stays the server's).
 */
export interface PendingScaChallenge extends ScaDetails {
  /** Always `sca`: tells it apart from a {@link PendingStepUp} in `snapshot.challenge`. */
  readonly kind: 'sca'
  /** Attempts left, once the verifier has said; undefined until then. */
  readonly attemptsLeft: number | undefined
  /** Codes that may still be requested, once the verifier has said; undefined until then. */
  readonly resendsLeft: number | undefined
  /**
   * Epoch milliseconds before which no new code may be requested: after a code is sent, the
   * verifier's `retryAfterSeconds`, else 30 s. Undefined before the first code is sent.
   */
  readonly resendAvailableAt: number | undefined
  /** Whether a code was sent over a channel, so the UI can offer "resend" rather than "send". */
  readonly codeSent: boolean
  /** Why the last attempt or resend did not succeed; the challenge stays open. */
  readonly error: AuthError | undefined
  /** A verification or resend is under way; a second call meanwhile joins it rather than sending again. */
  readonly busy: boolean
  /** How many more challenges wait behind this one. */
  readonly queued: number
}

/**
 * What a resource asks for before it answers (RFC 9470 step-up, or missing scope, RFC 6750 §3.1),
 * read from its `WWW-Authenticate: Bearer` (or `DPoP`) challenge on a 401 or 403.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9470#section-3
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export interface StepUpRequirement {
  /** `insufficient_user_authentication` or `insufficient_scope`. */
  readonly reason: 'insufficient_user_authentication' | 'insufficient_scope'
  /** Authentication context classes that would do (`acr_values`), most preferred first; undefined when not asked. */
  readonly acrValues: readonly string[] | undefined
  /** The sign-in must be at most this many seconds old (`max_age`); undefined when not asked. */
  readonly maxAge: number | undefined
  /** Scopes the resource needs (`scope`); undefined when not named. */
  readonly scope: readonly string[] | undefined
  /** The resource's `error_description`, written for developers; undefined when it sent none. */
  readonly description: string | undefined
}

/** A resource asked for a stronger sign-in; `stepUp()` starts it. */
export interface PendingStepUp extends StepUpRequirement {
  /** Always `stepUp`: tells it apart from a {@link PendingScaChallenge} in `snapshot.challenge`. */
  readonly kind: 'stepUp'
}

/**
 * What `snapshot.challenge` holds, told apart by `kind`: an SCA challenge (shown first while one is
 * pending) or a step-up.
 */
export type PendingChallenge = PendingScaChallenge | PendingStepUp
