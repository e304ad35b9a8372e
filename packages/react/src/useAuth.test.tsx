import { createAuthClient, memoryTokenStore, pace } from '@payauth/core'
import { recordingNavigator } from '@payauth/core/testing'
import { render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { useAuth } from './useAuth.ts'

function Status() {
  return <p>status: {useAuth().status}</p>
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
})
