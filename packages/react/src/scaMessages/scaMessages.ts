import { scaMessagesDe } from './scaMessagesDe.ts'
import { scaMessagesEn } from './scaMessagesEn.ts'
import { scaMessagesEs } from './scaMessagesEs.ts'
import { scaMessagesPtBR } from './scaMessagesPtBR.ts'
import type { ScaMessages } from './scaMessageTypes.ts'

/**
 * Every built-in language of `<ScaChallenge>`, by BCP 47 tag, for apps that choose at run time.
 * This bundles them all; an app with one language imports that one from its own entry point
 * (`@payauth/react/sca-messages/de`...) instead.
 *
 * @example
 * import { scaMessages } from '@payauth/react/sca-messages'
 * <ScaChallenge messages={scaMessages[language] ?? scaMessages.en} />
 */
export const scaMessages: Readonly<Record<'en' | 'de' | 'pt-BR' | 'es', ScaMessages>> & {
  readonly [language: string]: ScaMessages | undefined
} = {
  en: scaMessagesEn,
  de: scaMessagesDe,
  'pt-BR': scaMessagesPtBR,
  es: scaMessagesEs,
}
