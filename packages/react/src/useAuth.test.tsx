import { createAuthClient, memoryTokenStore, pace } from '@payauth/core'
import { recordingNavigator } from '@payauth/core/testing'
import { signedIn, signInAs, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { fireEvent, render, renderHook, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { useAuth } from './useAuth.ts'
import { useToken } from './useToken.ts'

setUpSandbox()

function Status() {
  return <p>status: {useAuth().status}</p>
}

/** An app header as auth0-react users write it. */
function Header() {
  const { isLoading, isAuthenticated, user, error, clearError, loginWithPopup } = useAuth()
  if (isLoading) return <p>Loading…</p>
  if (error) {
    return (
      <p role="alert">
        {error.code}{' '}
        <button type="button" onClick={clearError}>
          Dismiss
        </button>
      </p>
    )
  }
  if (!isAuthenticated) {
    return (
      <button type="button" onClick={() => void loginWithPopup().catch(() => {})}>
        Sign in
      </button>
    )
  }
  return <p>Hello {user?.name}</p>
}

function FreshToken() {
  const { getAccessToken } = useAuth()
  const shown = useToken()
  const [token, setToken] = useState<string>()
  return (
    <>
      <button type="button" onClick={() => void getAccessToken().then(setToken)}>
        Get a token
      </button>
      {token && <p>{token === shown ? 'the session’s token' : 'another token'}</p>}
    </>
  )
}

describe('useAuth', () => {
  it('explains that it needs an <AuthProvider>', () => {
    // React logs the thrown error; the assertion is on what the developer reads.
    expect(() => renderHook(() => useAuth())).toThrowError(/inside <AuthProvider client=/)
  })

  it('renders loading, then the restored state after the provider starts the client', async () => {
    const client = createAuthClient({
      provider: pace({ environment: 'sandbox' }),
      clientId: 'demo-spa',
      redirectUri: 'http://127.0.0.1:5173/callback',
      navigator: recordingNavigator('http://127.0.0.1:5173/'),
      store: memoryTokenStore(),
    })
    render(
      <AuthProvider client={client}>
        <Status />
      </AuthProvider>,
    )
    expect(await screen.findByText('status: signedOut')).toBeInTheDocument()
  })

  it('says isLoading, then signs in with a popup: the page stays where it is', async () => {
    const navigator = recordingNavigator('http://127.0.0.1:5173/account')
    const test = testClient(sandbox, {
      navigator: {
        ...navigator,
        // The sandbox's login page in the "popup", as the user would fill it.
        authenticate: async (signIn, { redirectUri }) =>
          browseAuthorization((await signIn).url, { username: 'alice', redirectUri }),
      },
    })
    render(
      <AuthProvider client={test.client}>
        <Header />
      </AuthProvider>,
    )
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Hello Alice Adler')).toBeInTheDocument()
    expect(navigator.assigned).toEqual([])
  })

  it('shows an error until the app clears it', async () => {
    const test = testClient(sandbox, { at: '/account' })
    const callbackUrl = new URL(await signInAs(test))
    callbackUrl.searchParams.set('state', 'tampered')
    await test.client.handleCallback(callbackUrl).catch(() => {})
    render(
      <AuthProvider client={test.client}>
        <Header />
      </AuthProvider>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('state_mismatch')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('hands out the session’s access token through getAccessToken', async () => {
    const test = await signedIn(testClient(sandbox, { at: '/account' }))
    render(
      <AuthProvider client={test.client}>
        <FreshToken />
      </AuthProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Get a token' }))
    expect(await screen.findByText('the session’s token')).toBeInTheDocument()
  })
})
