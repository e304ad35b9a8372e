import type { ScaMessages } from './scaMessageTypes.ts'

/** `<ScaChallenge>`'s texts in English, its default. */
export const scaMessagesEn: ScaMessages = {
  locale: 'en',
  title: 'Confirm it’s you',
  description: 'Your bank needs to confirm this operation.',
  timeLeft: 'Time left: {time}',
  operationsWaiting: { one: '({count} more operation waiting)', other: '({count} more operations waiting)' },
  verifyWith: 'Verify with',
  methods: { PIN: 'PIN', OTP: 'One-time code', PASSWORD: 'Password', PASSKEYS: 'Passkey', BIOMETRIC: 'Biometrics' },
  methodByChannel: '{method} by {channel}',
  channels: {
    SMS: 'SMS',
    EMAIL: 'email',
    AUTHENTICATOR: 'authenticator app',
    PUSH_NOTIFICATION: 'push notification',
    REDIRECT: 'redirect',
  },
  fieldLabels: {
    PIN: 'Enter your PIN',
    OTP: 'One-time code',
    PASSWORD: 'Enter your password',
    PASSKEYS: 'Passkey',
    BIOMETRIC: 'Biometrics',
  },
  codeWillBeSentTo: 'We will send a code to {target}.',
  codeWillBeSentBy: 'We will send a code by {channel}.',
  codeSentTo: 'Code sent to {target}.',
  codeSentBy: 'Code sent by {channel}.',
  sendCode: 'Send code',
  resendCode: 'Resend code',
  resendCodeIn: 'Resend code in {seconds} s',
  attemptsLeft: { one: '{count} attempt left', other: '{count} attempts left' },
  verify: 'Verify',
  cancel: 'Cancel',
  errors: {
    rejected: 'That was not right. Please try again.',
    resendRefused: 'No new code can be sent right now.',
    unavailable: 'The network is unavailable. Try again.',
    other: 'Something went wrong. Please try again.',
  },
}
