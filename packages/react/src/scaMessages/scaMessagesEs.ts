import type { ScaMessages } from './scaMessageTypes.ts'

/**
 * `<ScaChallenge>`'s texts in Spanish.
 *
 * @example
 * import { scaMessagesEs } from '@payauth/react/sca-messages/es'
 * <ScaChallenge messages={scaMessagesEs} />
 */
export const scaMessagesEs: ScaMessages = {
  locale: 'es',
  title: 'Confirma que eres tú',
  description: 'Tu banco necesita confirmar esta operación.',
  timeLeft: 'Tiempo restante: {time}',
  operationsWaiting: { one: '({count} operación más en espera)', other: '({count} operaciones más en espera)' },
  verifyWith: 'Verificar con',
  methods: {
    PIN: 'PIN',
    OTP: 'Código de un solo uso',
    PASSWORD: 'Contraseña',
    PASSKEYS: 'Llave de acceso',
    BIOMETRIC: 'Biometría',
  },
  methodByChannel: '{method} por {channel}',
  channels: {
    SMS: 'SMS',
    EMAIL: 'correo electrónico',
    AUTHENTICATOR: 'app de autenticación',
    PUSH_NOTIFICATION: 'notificación push',
    REDIRECT: 'redirección',
  },
  fieldLabels: {
    PIN: 'Introduce tu PIN',
    OTP: 'Código de un solo uso',
    PASSWORD: 'Introduce tu contraseña',
    PASSKEYS: 'Llave de acceso',
    BIOMETRIC: 'Biometría',
  },
  codeWillBeSentTo: 'Te enviaremos un código a {target}.',
  codeWillBeSentBy: 'Te enviaremos un código por {channel}.',
  codeSentTo: 'Código enviado a {target}.',
  codeSentBy: 'Código enviado por {channel}.',
  sendCode: 'Enviar código',
  resendCode: 'Reenviar código',
  resendCodeIn: 'Reenviar código en {seconds} s',
  attemptsLeft: { one: 'Queda {count} intento', other: 'Quedan {count} intentos' },
  verify: 'Verificar',
  cancel: 'Cancelar',
  errors: {
    rejected: 'No es correcto. Inténtalo de nuevo.',
    resendRefused: 'Ahora no se puede enviar un código nuevo.',
    unavailable: 'La red no está disponible. Inténtalo de nuevo.',
    other: 'Algo salió mal. Inténtalo de nuevo.',
  },
}
