import type { ScaMessages } from './scaMessageTypes.ts'

/**
 * `<ScaChallenge>`'s texts in German.
 *
 * @example
 * import { scaMessagesDe } from '@payauth/react/sca-messages/de'
 * <ScaChallenge messages={scaMessagesDe} />
 */
export const scaMessagesDe: ScaMessages = {
  locale: 'de',
  title: 'Bestätigen Sie, dass Sie es sind',
  description: 'Ihre Bank muss diesen Vorgang bestätigen.',
  timeLeft: 'Verbleibende Zeit: {time}',
  operationsWaiting: { one: '({count} weiterer Vorgang wartet)', other: '({count} weitere Vorgänge warten)' },
  verifyWith: 'Bestätigen mit',
  methods: { PIN: 'PIN', OTP: 'Einmalcode', PASSWORD: 'Passwort', PASSKEYS: 'Passkey', BIOMETRIC: 'Biometrie' },
  methodByChannel: '{method} per {channel}',
  channels: {
    SMS: 'SMS',
    EMAIL: 'E-Mail',
    AUTHENTICATOR: 'Authenticator-App',
    PUSH_NOTIFICATION: 'Push-Nachricht',
    REDIRECT: 'Weiterleitung',
  },
  fieldLabels: {
    PIN: 'Geben Sie Ihre PIN ein',
    OTP: 'Einmalcode',
    PASSWORD: 'Geben Sie Ihr Passwort ein',
    PASSKEYS: 'Passkey',
    BIOMETRIC: 'Biometrie',
  },
  codeWillBeSentTo: 'Wir senden einen Code an {target}.',
  codeWillBeSentBy: 'Wir senden einen Code per {channel}.',
  codeSentTo: 'Code an {target} gesendet.',
  codeSentBy: 'Code per {channel} gesendet.',
  sendCode: 'Code senden',
  resendCode: 'Code erneut senden',
  resendCodeIn: 'Code erneut senden in {seconds} s',
  attemptsLeft: { one: 'Noch {count} Versuch', other: 'Noch {count} Versuche' },
  verify: 'Bestätigen',
  cancel: 'Abbrechen',
  errors: {
    rejected: 'Das war nicht richtig. Bitte versuchen Sie es erneut.',
    resendRefused: 'Gerade kann kein neuer Code gesendet werden.',
    unavailable: 'Das Netzwerk ist nicht erreichbar. Versuchen Sie es erneut.',
    other: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
}
