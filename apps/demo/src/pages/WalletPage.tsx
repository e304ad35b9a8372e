import { type AuthError, isAuthError } from '@payauth/core'
import { ScaChallenge, useAuth, useAuthFetch } from '@payauth/react'
import { type FormEvent, useState } from 'react'
import { walletBaseUrl } from '../config.ts'
import { SmsOutbox } from './SmsOutbox.tsx'

type Result = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'error'; readonly error: AuthError }

/**
 * A Paysafe-like wallet: sending money and revealing card details need PSD2 SCA (PIN or SMS code,
 * in <ScaChallenge>); statements need a stronger sign-in (RFC 9470 step-up).
 */
export function WalletPage() {
  const authFetch = useAuthFetch()
  const { challenge, stepUp, snapshot } = useAuth()
  const [results, setResults] = useState<Record<string, Result>>({})

  async function run(key: string, call: () => Promise<Response>, describe: (body: Record<string, unknown>) => string) {
    setResults((previous) => {
      const { [key]: _, ...rest } = previous
      return rest
    })
    try {
      const response = await call()
      const body = (await response.json()) as Record<string, unknown>
      const result: Result = response.ok
        ? { kind: 'ok', text: describe(body) }
        : { kind: 'ok', text: `The wallet answered ${response.status}` }
      setResults((previous) => ({ ...previous, [key]: result }))
    } catch (error) {
      if (isAuthError(error)) setResults((previous) => ({ ...previous, [key]: { kind: 'error', error } }))
    }
  }

  function sendMoney(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void run(
      'transfer',
      () =>
        authFetch(`${walletBaseUrl}/wallet/transfers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ amount: form.get('amount'), to: form.get('to') }),
        }),
      (body) => `Transfer ${String(body.status)}: ${String(body.amount)} EUR to ${String(body.to)}`,
    )
  }

  return (
    <>
      <section className="card">
        <h1>Wallet</h1>
        <form onSubmit={sendMoney} className="pay-form">
          <label>
            Amount (EUR) <input name="amount" defaultValue="25.00" inputMode="decimal" />
          </label>
          <label>
            To (IBAN) <input name="to" defaultValue="GB33BUKB20201555555555" />
          </label>
          <button type="submit">Send money</button>
        </form>
        <Outcome result={results.transfer} testId="transfer-result" />
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              void run(
                'card',
                () => authFetch(`${walletBaseUrl}/wallet/cards/card-1/details`),
                (body) => `Card ${String(body.pan)}, expires ${String(body.expiry)}, CVV ${String(body.cvv)}`,
              )
            }
          >
            Reveal card details
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(
                'statements',
                () => authFetch(`${walletBaseUrl}/wallet/statements`),
                (body) => `Statements: ${JSON.stringify(body.statements)}`,
              )
            }
          >
            View statements
          </button>
        </div>
        <Outcome result={results.card} testId="card-result" />
        <Outcome result={results.statements} testId="statements-result" />
        {challenge?.kind === 'stepUp' && (
          <div className="card step-up" role="alertdialog" aria-labelledby="step-up-title">
            <h2 id="step-up-title">A stronger sign-in is needed</h2>
            <p>{challenge.description ?? 'This needs you to confirm your identity again.'}</p>
            <button type="button" onClick={() => void stepUp({ returnTo: '/wallet' }).catch(() => {})}>
              Confirm with your PIN
            </button>
          </div>
        )}
        {snapshot.status === 'signedIn' && <ScaChallenge />}
      </section>
      <SmsOutbox active={challenge?.kind === 'sca'} />
    </>
  )
}

function Outcome({ result, testId }: { readonly result: Result | undefined; readonly testId: string }) {
  if (!result) return null
  return result.kind === 'ok' ? (
    <p data-testid={testId}>{result.text}</p>
  ) : (
    <p data-testid={testId} className="error">
      {result.error.message} ({result.error.code})
    </p>
  )
}
