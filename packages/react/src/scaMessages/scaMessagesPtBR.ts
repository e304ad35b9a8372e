import type { ScaMessages } from './scaMessageTypes.ts'

/**
 * `<ScaChallenge>`'s texts in Brazilian Portuguese.
 *
 * @example
 * import { scaMessagesPtBR } from '@payauth/react/sca-messages/pt-BR'
 * <ScaChallenge messages={scaMessagesPtBR} />
 */
export const scaMessagesPtBR: ScaMessages = {
  locale: 'pt-BR',
  title: 'Confirme que é você',
  description: 'Seu banco precisa confirmar esta operação.',
  timeLeft: 'Tempo restante: {time}',
  operationsWaiting: { one: '(mais {count} operação aguardando)', other: '(mais {count} operações aguardando)' },
  verifyWith: 'Confirmar com',
  methods: { PIN: 'PIN', OTP: 'Código único', PASSWORD: 'Senha', PASSKEYS: 'Chave de acesso', BIOMETRIC: 'Biometria' },
  methodByChannel: '{method} por {channel}',
  channels: {
    SMS: 'SMS',
    EMAIL: 'e-mail',
    AUTHENTICATOR: 'app autenticador',
    PUSH_NOTIFICATION: 'notificação push',
    REDIRECT: 'redirecionamento',
  },
  fieldLabels: {
    PIN: 'Digite seu PIN',
    OTP: 'Código único',
    PASSWORD: 'Digite sua senha',
    PASSKEYS: 'Chave de acesso',
    BIOMETRIC: 'Biometria',
  },
  codeWillBeSentTo: 'Enviaremos um código para {target}.',
  codeWillBeSentBy: 'Enviaremos um código por {channel}.',
  codeSentTo: 'Código enviado para {target}.',
  codeSentBy: 'Código enviado por {channel}.',
  sendCode: 'Enviar código',
  resendCode: 'Reenviar código',
  resendCodeIn: 'Reenviar código em {seconds} s',
  attemptsLeft: { one: '{count} tentativa restante', other: '{count} tentativas restantes' },
  verify: 'Confirmar',
  cancel: 'Cancelar',
  errors: {
    rejected: 'Não está correto. Tente novamente.',
    resendRefused: 'Não é possível enviar um novo código agora.',
    unavailable: 'A rede não está disponível. Tente novamente.',
    other: 'Algo deu errado. Tente novamente.',
  },
}
