import {
  AuthErrorCode,
  type PendingScaChallenge,
  type ScaChannel,
  type ScaMethod,
  type ScaVerification,
} from '@payauth/core'
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useNow } from './useNow.ts'
import { type UseScaChallengeResult, useScaChallenge } from './useScaChallenge.ts'

export interface ScaChallengeProps {
  /** Heading of the dialog. */
  readonly title?: ReactNode
  /** Extra class on the dialog, besides `payauth-sca`. */
  readonly className?: string
}

/** When the wallet lists no methods, any agreed one will do: offer a PIN and a code by SMS. */
const anyAgreedMethod: readonly ScaVerification[] = [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS' }]

/**
 * The pending PSD2 challenge as an accessible modal dialog: choice of method, a masked numeric PIN
 * field or a one-time-code field, where the code was sent, a countdown to expiry, resend with a
 * cooldown, attempts left, errors and cancel. Renders nothing when no challenge is pending. Style
 * it through the `payauth-sca*` class names and `--payauth-sca-*` variables (see ScaChallenge.css).
 */
export function ScaChallenge({ title = 'Confirm it’s you', className }: ScaChallengeProps): ReactNode {
  const sca = useScaChallenge()
  const { challenge } = sca
  if (!challenge) return null
  // A new event (a queued operation, or a restarted one) starts with a clean form.
  return <ScaDialog key={challenge.eventId} sca={sca} challenge={challenge} title={title} className={className} />
}

interface ScaDialogProps {
  readonly sca: UseScaChallengeResult
  readonly challenge: PendingScaChallenge
  readonly title: ReactNode
  readonly className: string | undefined
}

function ScaDialog({ sca, challenge, title, className }: ScaDialogProps): ReactNode {
  const { verify, resend, cancel } = sca
  const options = challenge.availableVerifications.length > 0 ? challenge.availableVerifications : anyAgreedMethod
  const [choice, setChoice] = useState(0)
  const [value, setValue] = useState('')
  const chosen = options[choice] ?? options[0]
  const now = useNow(true)
  const secondsLeft = Math.max(0, Math.ceil((challenge.expiresAt - now) / 1000))
  const resendIn = Math.max(0, Math.ceil(((challenge.resendAvailableAt ?? 0) - now) / 1000))
  const ids = { title: useId(), description: useId(), field: useId(), methods: useId() }
  const dialog = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => {
    field.current?.focus()
  }, [])

  const isCode = chosen?.method === 'OTP'
  const needsSending = isCode && chosen?.channel !== undefined && chosen.channel !== 'AUTHENTICATOR'

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!chosen || value === '') return
    // Failures are shown from the challenge itself.
    await verify({ method: chosen.method, ...(chosen.channel ? { channel: chosen.channel } : {}), value }).catch(
      () => {},
    )
    setValue('')
    field.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      cancel()
      return
    }
    if (event.key !== 'Tab' || !dialog.current) return
    // Keep keyboard focus inside the modal dialog.
    const focusable = dialog.current.querySelectorAll<HTMLElement>('input:not([disabled]), button:not([disabled])')
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div className="payauth-sca-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.description}
        className={className ? `payauth-sca ${className}` : 'payauth-sca'}
        onKeyDown={onKeyDown}
      >
        <h2 id={ids.title} className="payauth-sca__title">
          {title}
        </h2>
        <p id={ids.description} className="payauth-sca__description">
          Your bank needs to confirm this operation.{' '}
          <span role="timer" className="payauth-sca__countdown">
            Time left: {formatSeconds(secondsLeft)}
          </span>
          {challenge.queued > 0 && (
            <span className="payauth-sca__queued">
              {' '}
              ({challenge.queued} more {challenge.queued === 1 ? 'operation' : 'operations'} waiting)
            </span>
          )}
        </p>
        <form onSubmit={(event) => void submit(event)} className="payauth-sca__form">
          {options.length > 1 && (
            <fieldset className="payauth-sca__methods">
              <legend id={ids.methods}>Verify with</legend>
              {options.map((option, index) => (
                <label key={`${option.method}-${option.channel ?? ''}`} className="payauth-sca__method">
                  <input
                    type="radio"
                    name="payauth-sca-method"
                    checked={index === choice}
                    onChange={() => {
                      setChoice(index)
                      setValue('')
                    }}
                  />{' '}
                  {methodLabel(option.method, option.channel)}
                </label>
              ))}
            </fieldset>
          )}
          {needsSending && chosen?.channel && (
            <p className="payauth-sca__destination">
              {challenge.codeSent ? 'Code sent' : 'We will send a code'}
              {chosen.target ? ` to ${chosen.target}` : ` by ${channelLabel(chosen.channel)}`}.{' '}
              <button
                type="button"
                className="payauth-sca__resend"
                disabled={challenge.busy || resendIn > 0 || challenge.resendsLeft === 0}
                onClick={() => chosen.channel && void resend(chosen.channel).catch(() => {})}
              >
                {challenge.codeSent ? (resendIn > 0 ? `Resend code in ${resendIn} s` : 'Resend code') : 'Send code'}
              </button>
            </p>
          )}
          <label htmlFor={ids.field} className="payauth-sca__label">
            {isCode ? 'One-time code' : `Enter your ${methodLabel(chosen?.method ?? 'PIN')}`}
          </label>
          <input
            id={ids.field}
            ref={field}
            className="payauth-sca__input"
            value={value}
            onChange={(event) => setValue(event.target.value.trim())}
            {...fieldAttributes(chosen?.method ?? 'PIN')}
          />
          {challenge.attemptsLeft !== undefined && (
            <p className="payauth-sca__attempts">
              {challenge.attemptsLeft} {challenge.attemptsLeft === 1 ? 'attempt' : 'attempts'} left
            </p>
          )}
          {challenge.error && (
            <p role="alert" className="payauth-sca__error">
              {errorText(challenge)}
            </p>
          )}
          <div className="payauth-sca__actions">
            <button type="submit" className="payauth-sca__verify" disabled={challenge.busy || value === ''}>
              Verify
            </button>
            <button type="button" className="payauth-sca__cancel" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}

/** Masked numeric entry for PINs; one-time codes let the phone offer the code it just received. */
function fieldAttributes(method: ScaMethod) {
  switch (method) {
    case 'PIN':
      return { type: 'password', inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } as const
    case 'OTP':
      return { type: 'text', inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'one-time-code' } as const
    default:
      return { type: 'password', autoComplete: 'current-password' } as const
  }
}

function methodLabel(method: ScaMethod, channel?: ScaChannel): string {
  const names: Record<ScaMethod, string> = {
    PIN: 'PIN',
    OTP: 'One-time code',
    PASSWORD: 'Password',
    PASSKEYS: 'Passkey',
    BIOMETRIC: 'Biometrics',
  }
  return channel ? `${names[method]} by ${channelLabel(channel)}` : names[method]
}

function channelLabel(channel: ScaChannel): string {
  return {
    SMS: 'SMS',
    EMAIL: 'email',
    AUTHENTICATOR: 'authenticator app',
    PUSH_NOTIFICATION: 'push',
    REDIRECT: 'redirect',
  }[channel]
}

function errorText(challenge: PendingScaChallenge): string {
  switch (challenge.error?.code) {
    case AuthErrorCode.ScaRejected:
      return 'That was not right. Please try again.'
    case AuthErrorCode.ScaResendRefused:
      return 'No new code can be sent right now.'
    case AuthErrorCode.NetworkError:
      return 'The network is unavailable. Try again.'
    default:
      return challenge.error?.message ?? ''
  }
}

function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return `${minutes}:${seconds}`
}
