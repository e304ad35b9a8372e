import { signInAs, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { AuthCallback } from './AuthCallback.tsx'
import { AuthProvider } from './AuthProvider.tsx'
import { useAuth } from './useAuth.ts'
import { useToken } from './useToken.ts'

setUpSandbox()

function WhoIsSignedIn() {
  const { status, user } = useAuth()
  const token = useToken()
  return (
    <p>
      {status}: {user?.name ?? 'nobody'}, {token ? 'has a token' : 'no token'}
    </p>
  )
}

describe('<AuthCallback>', () => {
  it('completes the sign-in once under StrictMode and returns to where it started', async () => {
    const test = testClient(sandbox, { at: '/account' })
    await signInAs(test)
    const onSignedIn = vi.fn()
    render(
      <StrictMode>
        <AuthProvider client={test.client}>
          <AuthCallback onSignedIn={onSignedIn}>Signing you in…</AuthCallback>
          <WhoIsSignedIn />
        </AuthProvider>
      </StrictMode>,
    )
    expect(screen.getByText('Signing you in…')).toBeInTheDocument()
    expect(await screen.findByText('signedIn: Alice Adler, has a token')).toBeInTheDocument()
    await waitFor(() =>
      expect(onSignedIn).toHaveBeenCalledWith('/account', expect.objectContaining({ appState: undefined })),
    )
    expect(onSignedIn).toHaveBeenCalledTimes(1)
    expect(test.tokenRequests()).toBe(1)
  })

  it('shows why a tampered callback was refused, and signs nobody in', async () => {
    const test = testClient(sandbox, { at: '/account' })
    const callbackUrl = new URL(await signInAs(test))
    callbackUrl.searchParams.set('state', 'tampered')
    test.navigator.land(callbackUrl.href)
    const onSignedIn = vi.fn()
    render(
      <AuthProvider client={test.client}>
        <AuthCallback onSignedIn={onSignedIn} />
        <WhoIsSignedIn />
      </AuthProvider>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('state_mismatch')
    expect(screen.getByText('error: nobody, no token')).toBeInTheDocument()
    expect(onSignedIn).not.toHaveBeenCalled()
    expect(test.tokenRequests()).toBe(0)
  })
})
