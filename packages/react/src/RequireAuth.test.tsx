import { signInAs, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { RequireAuth } from './RequireAuth.tsx'

setUpSandbox()

describe('<RequireAuth>', () => {
  it('sends a signed-out user to sign in once, even under StrictMode', async () => {
    const test = testClient(sandbox, { at: '/account' })
    render(
      <StrictMode>
        <AuthProvider client={test.client}>
          <RequireAuth fallback={<p>Redirecting to sign in…</p>}>
            <p>Your cards</p>
          </RequireAuth>
        </AuthProvider>
      </StrictMode>,
    )
    expect(screen.getByText('Redirecting to sign in…')).toBeInTheDocument()
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(new URL(test.navigator.assigned[0] ?? '').searchParams.get('code_challenge_method')).toBe('S256')
    expect(screen.queryByText('Your cards')).not.toBeInTheDocument()
  })

  it('shows the fallback and stays put when auto-login is off', async () => {
    const test = testClient(sandbox, { at: '/account' })
    render(
      <AuthProvider client={test.client}>
        <RequireAuth autoLogin={false} fallback={<p>Please sign in</p>}>
          <p>Your cards</p>
        </RequireAuth>
      </AuthProvider>,
    )
    await waitFor(() => expect(test.client.getSnapshot().status).toBe('signedOut'))
    expect(screen.getByText('Please sign in')).toBeInTheDocument()
    expect(test.navigator.assigned).toHaveLength(0)
  })

  it('renders the protected content for a signed-in user', async () => {
    const test = testClient(sandbox, { at: '/account' })
    await test.client.handleCallback(await signInAs(test))
    render(
      <AuthProvider client={test.client}>
        <RequireAuth fallback={<p>Redirecting…</p>}>
          <p>Your cards</p>
        </RequireAuth>
      </AuthProvider>,
    )
    expect(await screen.findByText('Your cards')).toBeInTheDocument()
  })
})
