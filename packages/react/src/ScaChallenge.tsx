'use client'
import type { PendingScaChallenge, ScaVerification } from '@payauth/core'
import {
  type FormEvent,
  type ReactNode,
  type SyntheticEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { ScaCodeDestination, ScaMethodChoice, ScaSecretField } from './ScaFields.tsx'
import { scaErrorText } from './scaErrorText.ts'
import { scaFormatter } from './scaFormatter.ts'
import { scaMessagesEn } from './scaMessages/scaMessagesEn.ts'
import type { ScaMessages } from './scaMessages/scaMessageTypes.ts'
import { useNow } from './useNow.ts'
import { type UseScaChallengeResult, useScaChallenge } from './useScaChallenge.ts'

/** Props of `<ScaChallenge>`. */
export interface ScaChallengeProps {
  /** Heading of the dialog; `messages.title` by default. */
  readonly title?: ReactNode
  /** Extra class on the dialog, besides `payauth-sca`. */
  readonly className?: string
  /**
   * The texts, in the app's language: English by default; German, Portuguese (Brazil) and Spanish
   * from `@payauth/react/sca-messages/de`, `/pt-BR`, `/es`, or your own `ScaMessages`. Keep the
   * object stable (a module-level constant): a new one rebuilds the `Intl` formatters.
   */
  readonly messages?: ScaMessages
  /**
   * What the user approves (amount, payee, operation), shown under the heading and read out as
   * part of the dialog's description. A function receives the challenge, e.g. to look the
   * operation up by `walletOperationId`.
   */
  readonly summary?: ReactNode | ((challenge: PendingScaChallenge) => ReactNode)
}

/** When the wallet lists no methods, any agreed one will do: offer a PIN and a code by SMS. */
const anyAgreedMethod: readonly ScaVerification[] = [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS' }]

/**
 * The pending PSD2 challenge as a native modal `<dialog>` (the page behind is inert, Escape
 * cancels, the browser moves focus in and back out): what is being approved, the choice of method,
 * a masked numeric PIN field or a one-time-code field, where the code was sent, a countdown to
 * expiry, resend with a cooldown, attempts left, errors and cancel, in the app's language.
 * Renders nothing when no challenge is pending (and so nothing on the server). Style it through the
 * `payauth-sca*` class names and `--payauth-sca-*` variables (see `@payauth/react/ScaChallenge.css`).
 *
 * @example
 * import { scaMessagesDe } from '@payauth/react/sca-messages/de'
 *
 * <ScaChallenge
 *   messages={scaMessagesDe}
 *   summary={<p>25,00 € an Erika Mustermann (DE89 3704 …)</p>}
 * />
 */
export function ScaChallenge({ title, className, messages = scaMessagesEn, summary }: ScaChallengeProps): ReactNode {
  const sca = useScaChallenge()
  const { challenge } = sca
  if (!challenge) return null
  // A new event (a queued operation, or a restarted one) starts with a clean form.
  return (
    <ScaDialog
      key={challenge.eventId}
      sca={sca}
      challenge={challenge}
      title={title ?? messages.title}
      className={className}
      messages={messages}
      summary={typeof summary === 'function' ? summary(challenge) : summary}
    />
  )
}

interface ScaDialogProps {
  readonly sca: UseScaChallengeResult
  readonly challenge: PendingScaChallenge
  readonly title: ReactNode
  readonly className: string | undefined
  readonly messages: ScaMessages
  readonly summary: ReactNode
}

function ScaDialog({ sca, challenge, title, className, messages, summary }: ScaDialogProps): ReactNode {
  const { verify, resend, cancel } = sca
  const format = useMemo(() => scaFormatter(messages), [messages])
  const options = challenge.availableVerifications.length > 0 ? challenge.availableVerifications : anyAgreedMethod
  const [choice, setChoice] = useState(0)
  const [value, setValue] = useState('')
  const chosen = options[choice] ?? options[0] ?? { method: 'PIN' }
  const now = useNow(true)
  const secondsLeft = Math.max(0, Math.ceil((challenge.expiresAt - now) / 1000))
  const resendIn = Math.max(0, Math.ceil(((challenge.resendAvailableAt ?? 0) - now) / 1000))
  const ids = { title: useId(), summary: useId(), description: useId(), field: useId() }
  const dialog = useRef<HTMLDialogElement>(null)
  const field = useRef<HTMLInputElement>(null)

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    // showModal() focuses the first control, the method choice; the user starts in the field.
    field.current?.focus()
    // Closed while still in the document, so the browser returns focus to where it was.
    return () => element.close()
  }, [])

  const channel = chosen.method === 'OTP' && chosen.channel !== 'AUTHENTICATOR' ? chosen.channel : undefined

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (value === '') return
    const { method, channel } = chosen
    // Failures are shown from the challenge itself.
    await verify({ method, ...(channel ? { channel } : {}), value }).catch(() => {})
    setValue('')
    field.current?.focus()
  }

  function onCancel(event: SyntheticEvent<HTMLDialogElement>) {
    // Escape (or another close request): the core ends the challenge, and with it the dialog.
    event.preventDefault()
    cancel()
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      aria-describedby={summary == null ? ids.description : `${ids.summary} ${ids.description}`}
      className={className ? `payauth-sca ${className}` : 'payauth-sca'}
      onCancel={onCancel}
    >
      <h2 id={ids.title} className="payauth-sca__title">
        {title}
      </h2>
      {summary != null && (
        <div id={ids.summary} className="payauth-sca__summary">
          {summary}
        </div>
      )}
      <p id={ids.description} className="payauth-sca__description">
        {messages.description}{' '}
        <span role="timer" className="payauth-sca__countdown">
          {format.text(messages.timeLeft, { time: format.countdown(secondsLeft) })}
        </span>
        {challenge.queued > 0 && (
          <span className="payauth-sca__queued"> {format.plural(messages.operationsWaiting, challenge.queued)}</span>
        )}
      </p>
      <form onSubmit={(event) => void submit(event)} className="payauth-sca__form">
        {options.length > 1 && (
          <ScaMethodChoice
            messages={messages}
            format={format}
            options={options}
            choice={choice}
            onChoose={(index) => {
              setChoice(index)
              setValue('')
            }}
          />
        )}
        {channel && (
          <ScaCodeDestination
            messages={messages}
            format={format}
            option={{ ...chosen, channel }}
            challenge={challenge}
            resendIn={resendIn}
            onSend={() => void resend(channel).catch(() => {})}
          />
        )}
        <ScaSecretField
          messages={messages}
          format={format}
          id={ids.field}
          inputRef={field}
          method={chosen.method}
          value={value}
          onChange={setValue}
        />
        {challenge.attemptsLeft !== undefined && (
          <p className="payauth-sca__attempts">{format.plural(messages.attemptsLeft, challenge.attemptsLeft)}</p>
        )}
        {challenge.error && (
          <p role="alert" className="payauth-sca__error">
            {scaErrorText(messages, challenge.error)}
          </p>
        )}
        <div className="payauth-sca__actions">
          <button type="submit" className="payauth-sca__verify" disabled={challenge.busy || value === ''}>
            {messages.verify}
          </button>
          <button type="button" className="payauth-sca__cancel" onClick={cancel}>
            {messages.cancel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
