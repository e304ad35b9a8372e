import type { PendingScaChallenge } from '@payauth/core'
import type { ScaLanguage } from '../scaLanguage.ts'
import { challengedOperation, type WalletOperation } from '../walletOperations.ts'

interface SummaryTexts {
  readonly transfer: string
  readonly cardDetails: string
  readonly amount: string
  readonly to: string
  readonly card: string
}

const summaryTexts: Readonly<Record<ScaLanguage, SummaryTexts>> = {
  en: { transfer: 'Send money', cardDetails: 'Show card details', amount: 'Amount', to: 'To', card: 'Card' },
  de: { transfer: 'Geld senden', cardDetails: 'Kartendaten anzeigen', amount: 'Betrag', to: 'An', card: 'Karte' },
  'pt-BR': {
    transfer: 'Enviar dinheiro',
    cardDetails: 'Mostrar os dados do cartão',
    amount: 'Valor',
    to: 'Para',
    card: 'Cartão',
  },
  es: {
    transfer: 'Enviar dinero',
    cardDetails: 'Mostrar los datos de la tarjeta',
    amount: 'Importe',
    to: 'Para',
    card: 'Tarjeta',
  },
}

/**
 * What the SCA dialog asks the user to approve: the operation, and for a transfer its amount and
 * payee, in the dialog's language. Nothing when the challenge is for an operation this page did
 * not send (the dialog then shows no summary rather than a wrong one).
 */
export function scaOperationSummary(challenge: PendingScaChallenge, language: ScaLanguage) {
  const operation = challengedOperation(challenge.walletOperationId)
  return operation ? <OperationSummary operation={operation} language={language} /> : null
}

function OperationSummary({
  operation,
  language,
}: {
  readonly operation: WalletOperation
  readonly language: ScaLanguage
}) {
  const texts = summaryTexts[language]
  if (operation.kind === 'cardDetails') {
    return (
      <div data-testid="sca-summary">
        <p className="sca-operation">{texts.cardDetails}</p>
        <dl className="sca-facts">
          <dt>{texts.card}</dt>
          <dd>{operation.cardId}</dd>
        </dl>
      </div>
    )
  }
  return (
    <div data-testid="sca-summary">
      <p className="sca-operation">{texts.transfer}</p>
      <dl className="sca-facts">
        <dt>{texts.amount}</dt>
        <dd>{euros(operation.amount, language)}</dd>
        <dt>{texts.to}</dt>
        <dd className="iban">{grouped(operation.to)}</dd>
      </dl>
    </div>
  )
}

/** "25,00 €" in German, "€25.00" in English; the amount as typed when it is no number. */
function euros(amount: string, language: ScaLanguage): string {
  const value = Number(amount)
  return amount.trim() !== '' && Number.isFinite(value)
    ? new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(value)
    : `${amount} EUR`
}

/** IBANs read in groups of four, as banks print them. */
function grouped(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}
