import { useAuth, useAuthClient } from '@payauth/react'
import { useState } from 'react'
import { ActionButton } from '../ActionButton.tsx'
import { describeAuthError } from '../describeAuthError.ts'
import { userinfoEndpoint } from '../userinfoEndpoint.ts'
import { ExpiresIn } from './ExpiresIn.tsx'

const callsPerRound = 10

interface Round {
  readonly number: number
  readonly succeeded: number
  readonly token: string
}

/**
 * Fires many concurrent API calls, each asking the client for a token: open this page in several
 * tabs and watch one refresh serve them all. The calls go to the realm's userinfo endpoint.
 */
export function SessionPage() {
  const client = useAuthClient()
  const { snapshot, error } = useAuth()
  const [round, setRound] = useState<Round>()

  async function fireCalls() {
    const results = await Promise.allSettled(
      Array.from({ length: callsPerRound }, async () => {
        const token = await client.getAccessToken()
        const response = await fetch(await userinfoEndpoint(), { headers: { authorization: `Bearer ${token}` } })
        if (!response.ok) throw new Error(`userinfo answered ${response.status}`)
        return token
      }),
    )
    const tokens = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    setRound((previous) => ({ number: (previous?.number ?? 0) + 1, succeeded: tokens.length, token: tokens[0] ?? '' }))
  }

  return (
    <section className="card">
      <h1>Session across tabs</h1>
      <p>
        Tokens here live a few minutes (5 seconds in the end-to-end tests). Open this page in more tabs: they share one
        session, one refresh per expiry, and a sign-out in any of them.
      </p>
      {snapshot.status === 'signedIn' && (
        <p>
          Token <code data-testid="session-token">{snapshot.session.accessToken.slice(0, 10)}…</code> expires{' '}
          <ExpiresIn at={snapshot.session.expiresAt} />.
        </p>
      )}
      {error && (
        <p className="error" role="status">
          {describeAuthError(error)}
        </p>
      )}
      <ActionButton onAction={fireCalls} pendingLabel="Calling…">
        Make {callsPerRound} API calls at once
      </ActionButton>
      {round && (
        <p data-testid="calls">
          Round {round.number}: {round.succeeded} of {callsPerRound} calls succeeded
        </p>
      )}
    </section>
  )
}
