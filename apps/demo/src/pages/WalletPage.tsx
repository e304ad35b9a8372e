import { isAuthError } from '@payauth/core'
import { ScaChallenge, useAuth, useAuthClient, useAuthFetch } from '@payauth/react'
import { scaMessages } from '@payauth/react/sca-messages'
import { useState } from 'react'
import { clearReportedError } from '../clearReportedError.ts'
import { walletBaseUrl } from '../config.ts'
import { PendingButton } from '../PendingButton.tsx'
import { initialScaLanguage, isScaLanguage, scaLanguages } from '../scaLanguage.ts'
import { usePendingAction } from '../usePendingAction.ts'
import { scaOperationSummary } from './ScaOperationSummary.tsx'
import { SmsOutbox } from './SmsOutbox.tsx'
import { WalletOutcome, type WalletResult, walletResultOf } from './WalletOutcome.tsx'

type Operation = 'transfer' | 'card' | 'statements'

/**
 * A Paysafe-like wallet: sending money and revealing card details need PSD2 SCA (PIN or SMS code,
 * in <ScaChallenge>, which says what is being approved); statements need a stronger sign-in
 * (RFC 9470 step-up).
 */
export function WalletPage() {
  const authFetch = useAuthFetch()
  const client = useAuthClient()
  const { challenge, snapshot } = useAuth()
  const [results, setResults] = useState<Partial<Record<Operation, WalletResult>>>({})
  const [language, setLanguage] = useState(initialScaLanguage)

  function show(operation: Operation, result: WalletResult | undefined) {
    setResults(({ [operation]: _, ...others }) => (result ? { ...others, [operation]: result } : others))
  }

  async function run(
    operation: Operation,
    call: () => Promise<Response>,
    describe: (body: Record<string, unknown>) => string,
  ) {
    show(operation, undefined)
    try {
      const response = await call()
      const body = (await response.json()) as Record<string, unknown>
      show(operation, { kind: 'answer', text: response.ok ? describe(body) : `The wallet answered ${response.status}` })
    } catch (error) {
      if (!isAuthError(error)) return show(operation, { kind: 'answer', text: 'The wallet’s answer could not be read' })
      show(operation, walletResultOf(error))
      clearReportedError(client, error)
    }
  }

  const transfer = usePendingAction((form: FormData) =>
    run(
      'transfer',
      () =>
        authFetch(`${walletBaseUrl}/wallet/transfers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ amount: form.get('amount'), to: form.get('to') }),
        }),
      (body) => `Transfer ${String(body.status)}: ${String(body.amount)} EUR to ${String(body.to)}`,
    ),
  )
  const card = usePendingAction(() =>
    run(
      'card',
      () => authFetch(`${walletBaseUrl}/wallet/cards/card-1/details`),
      (body) => `Card ${String(body.pan)}, expires ${String(body.expiry)}, CVV ${String(body.cvv)}`,
    ),
  )
  const statements = usePendingAction(() =>
    run(
      'statements',
      () => authFetch(`${walletBaseUrl}/wallet/statements`),
      (body) => `Statements: ${JSON.stringify(body.statements)}`,
    ),
  )

  return (
    <>
      <section className="card">
        <h1>Wallet</h1>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            transfer.run(new FormData(event.currentTarget))
          }}
          className="pay-form"
        >
          <label>
            Amount (EUR) <input name="amount" defaultValue="25.00" inputMode="decimal" />
          </label>
          <label>
            To (IBAN) <input name="to" defaultValue="GB33BUKB20201555555555" />
          </label>
          <PendingButton type="submit" pending={transfer.pending} pendingLabel="Sending…">
            Send money
          </PendingButton>
        </form>
        <WalletOutcome
          result={results.transfer}
          testId="transfer-result"
          onDismiss={() => show('transfer', undefined)}
        />
        <div className="actions">
          <PendingButton pending={card.pending} pendingLabel="Revealing…" onClick={() => card.run()}>
            Reveal card details
          </PendingButton>
          <PendingButton
            pending={statements.pending}
            pendingLabel="Loading statements…"
            className="secondary"
            onClick={() => statements.run()}
          >
            View statements
          </PendingButton>
        </div>
        <WalletOutcome result={results.card} testId="card-result" onDismiss={() => show('card', undefined)} />
        <WalletOutcome
          result={results.statements}
          testId="statements-result"
          onDismiss={() => {
            if (challenge?.kind === 'stepUp') client.cancelChallenge()
            show('statements', undefined)
          }}
        />
        <label className="language">
          Language of the confirmation dialog{' '}
          <select
            value={language}
            onChange={(event) => {
              if (isScaLanguage(event.target.value)) setLanguage(event.target.value)
            }}
          >
            {scaLanguages.map((option) => (
              <option key={option.tag} value={option.tag} lang={option.tag}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        {snapshot.status === 'signedIn' && (
          <ScaChallenge
            messages={scaMessages[language]}
            summary={(pending) => scaOperationSummary(pending, language)}
          />
        )}
      </section>
      <SmsOutbox active={challenge?.kind === 'sca'} />
    </>
  )
}
