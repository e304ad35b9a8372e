'use client'
import type { PendingScaChallenge, ScaMethod, ScaVerification } from '@payauth/core'
import type { ReactNode, Ref } from 'react'
import type { ScaFormatter } from './scaFormatter.ts'
import type { ScaMessages } from './scaMessages/scaMessageTypes.ts'

interface TextProps {
  readonly messages: ScaMessages
  readonly format: ScaFormatter
}

function methodLabel({ messages, format }: TextProps, option: ScaVerification): string {
  const method = messages.methods[option.method]
  return option.channel
    ? format.text(messages.methodByChannel, { method, channel: messages.channels[option.channel] })
    : method
}

/** The ways the user may verify, as radio buttons; shown when there is more than one. */
export function ScaMethodChoice(
  props: TextProps & {
    readonly options: readonly ScaVerification[]
    readonly choice: number
    readonly onChoose: (index: number) => void
  },
): ReactNode {
  return (
    <fieldset className="payauth-sca__methods">
      <legend>{props.messages.verifyWith}</legend>
      {props.options.map((option, index) => (
        <label key={`${option.method}-${option.channel ?? ''}`} className="payauth-sca__method">
          <input
            type="radio"
            name="payauth-sca-method"
            checked={index === props.choice}
            onChange={() => props.onChoose(index)}
          />{' '}
          {methodLabel(props, option)}
        </label>
      ))}
    </fieldset>
  )
}

/** Where the code goes (the server's masked target), with the send / resend button and its cooldown. */
export function ScaCodeDestination(
  props: TextProps & {
    readonly option: ScaVerification & { readonly channel: NonNullable<ScaVerification['channel']> }
    readonly challenge: PendingScaChallenge
    readonly resendIn: number
    readonly onSend: () => void
  },
): ReactNode {
  const { messages, format, option, challenge, resendIn } = props
  const channel = messages.channels[option.channel]
  const where = option.target
    ? format.text(challenge.codeSent ? messages.codeSentTo : messages.codeWillBeSentTo, { target: option.target })
    : format.text(challenge.codeSent ? messages.codeSentBy : messages.codeWillBeSentBy, { channel })
  const button = !challenge.codeSent
    ? messages.sendCode
    : resendIn > 0
      ? format.text(messages.resendCodeIn, { seconds: resendIn })
      : messages.resendCode
  return (
    <p className="payauth-sca__destination">
      {where}{' '}
      <button
        type="button"
        className="payauth-sca__resend"
        disabled={challenge.busy || resendIn > 0 || challenge.resendsLeft === 0}
        onClick={props.onSend}
      >
        {button}
      </button>
    </p>
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

/** The labelled field for the PIN, code or password. */
export function ScaSecretField(
  props: TextProps & {
    readonly id: string
    readonly method: ScaMethod
    readonly value: string
    readonly onChange: (value: string) => void
    readonly inputRef: Ref<HTMLInputElement>
  },
): ReactNode {
  return (
    <>
      <label htmlFor={props.id} className="payauth-sca__label">
        {props.messages.fieldLabels[props.method]}
      </label>
      <input
        id={props.id}
        ref={props.inputRef}
        className="payauth-sca__input"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value.trim())}
        {...fieldAttributes(props.method)}
      />
    </>
  )
}
