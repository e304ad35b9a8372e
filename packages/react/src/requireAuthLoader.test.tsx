import { signedIn, signInAs, type TestClient, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createBrowserRouter, Link, RouterProvider, useRouteError } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { requireAuthLoader } from './requireAuthLoader.ts'

setUpSandbox()

afterEach(() => window.history.replaceState(null, '', '/'))

/** Plays the sign-in the guard started through the sandbox: the page the user comes back to. */
async function returnToAfterSignIn(test: TestClient): Promise<string> {
  const authorizationUrl = test.navigator.assigned.at(-1) ?? ''
  const callbackUrl = await browseAuthorization(authorizationUrl, { username: 'alice', redirectUri: test.redirectUri })
  return (await test.client.handleCallback(callbackUrl)).returnTo
}

function ShowError() {
  const error = useRouteError() as { code?: string }
  return <p role="alert">{error.code}</p>
}

describe('requireAuthLoader (React Router 7)', () => {
  it('sends a signed-out user to sign in from the page in the address bar, hash included, and back', async () => {
    const test = testClient(sandbox)
    window.history.replaceState(null, '', '/app/cards?sort=new#latest')
    const router = createBrowserRouter(
      [
        {
          path: '/cards',
          loader: requireAuthLoader(test.client, { params: { kc_idp_hint: 'google' } }),
          element: <p>Your cards</p>,
        },
      ],
      { basename: '/app' },
    )
    render(
      <AuthProvider client={test.client}>
        <RouterProvider router={router} />
      </AuthProvider>,
    )
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(new URL(test.navigator.assigned[0] ?? '').searchParams.get('kc_idp_hint')).toBe('google')
    expect(screen.queryByText('Your cards')).not.toBeInTheDocument()
    expect(await returnToAfterSignIn(test)).toBe('/app/cards?sort=new#latest')
  })

  it('returns to the page a link led to, not the one the user was on', async () => {
    const test = testClient(sandbox)
    window.history.replaceState(null, '', '/')
    const router = createBrowserRouter([
      { path: '/', element: <Link to="/cards?sort=new">Cards</Link> },
      { path: '/cards', loader: requireAuthLoader(test.client), element: <p>Your cards</p> },
    ])
    render(<RouterProvider router={router} />)
    fireEvent.click(await screen.findByRole('link', { name: 'Cards' }))
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(await returnToAfterSignIn(test)).toBe('/cards?sort=new')
  })

  it('as middleware of a layout route, keeps the child loaders from running for a signed-out user', async () => {
    const test = testClient(sandbox)
    window.history.replaceState(null, '', '/wallet')
    const walletLoader = vi.fn(() => ({ balance: '10.00' }))
    const router = createBrowserRouter(
      [
        {
          middleware: [requireAuthLoader(test.client)],
          children: [{ path: '/wallet', loader: walletLoader, element: <p>Wallet</p> }],
        },
      ],
      { future: { v8_middleware: true } },
    )
    render(<RouterProvider router={router} />)
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(walletLoader).not.toHaveBeenCalled()
    expect(await returnToAfterSignIn(test)).toBe('/wallet')
  })

  it('lets a signed-in user through', async () => {
    const test = await signedIn(testClient(sandbox))
    window.history.replaceState(null, '', '/cards')
    const router = createBrowserRouter([
      { path: '/cards', loader: requireAuthLoader(test.client), element: <p>Your cards</p> },
    ])
    render(<RouterProvider router={router} />)
    expect(await screen.findByText('Your cards')).toBeInTheDocument()
    expect(test.navigator.assigned).toHaveLength(1)
  })

  it('hands a session that could not be determined to the route’s error boundary', async () => {
    const test = testClient(sandbox)
    const callbackUrl = new URL(await signInAs(test))
    callbackUrl.searchParams.set('state', 'tampered')
    await test.client.handleCallback(callbackUrl).catch(() => {})
    window.history.replaceState(null, '', '/cards')
    const router = createBrowserRouter([
      {
        path: '/cards',
        loader: requireAuthLoader(test.client),
        element: <p>Your cards</p>,
        errorElement: <ShowError />,
      },
    ])
    render(<RouterProvider router={router} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('state_mismatch')
    // The one sign-in is the test's own: the guard started none.
    expect(test.navigator.assigned).toHaveLength(1)
  })
})
