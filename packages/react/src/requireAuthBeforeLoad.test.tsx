import type { AuthClient } from '@payauth/core'
import { signedIn, type TestClient, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { requireAuthBeforeLoad } from './requireAuthBeforeLoad.ts'

setUpSandbox()

/** Plays the sign-in the guard started through the sandbox: the page the user comes back to. */
async function returnToAfterSignIn(test: TestClient): Promise<string> {
  const authorizationUrl = test.navigator.assigned.at(-1) ?? ''
  const callbackUrl = await browseAuthorization(authorizationUrl, { username: 'alice', redirectUri: test.redirectUri })
  return (await test.client.handleCallback(callbackUrl)).returnTo
}

/** A public home page and a layout route whose guard protects the cards page and its loader. */
function appRouter(auth: AuthClient, at: string, basepath = '/') {
  const root = createRootRoute({ component: Outlet })
  const home = createRoute({
    getParentRoute: () => root,
    path: '/',
    component: () => (
      <Link to="/cards" search={{ sort: 'new' }} hash="latest">
        Cards
      </Link>
    ),
  })
  const authenticated = createRoute({
    getParentRoute: () => root,
    id: 'authenticated',
    beforeLoad: requireAuthBeforeLoad(auth, { params: { kc_idp_hint: 'google' } }),
  })
  const cardsLoader = vi.fn(() => ['card-1'])
  const cards = createRoute({
    getParentRoute: () => authenticated,
    path: '/cards',
    loader: cardsLoader,
    component: () => <p>Your cards</p>,
  })
  const router = createRouter({
    routeTree: root.addChildren([home, authenticated.addChildren([cards])]),
    history: createMemoryHistory({ initialEntries: [at] }),
    basepath,
  })
  return { router, cardsLoader }
}

describe('requireAuthBeforeLoad (TanStack Router)', () => {
  it('sends a signed-out user to sign in from the requested page, under the basepath, and back', async () => {
    const test = testClient(sandbox)
    const { router, cardsLoader } = appRouter(test.client, '/app/cards?sort=new#latest', '/app')
    render(
      <AuthProvider client={test.client}>
        <RouterProvider router={router} />
      </AuthProvider>,
    )
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(new URL(test.navigator.assigned[0] ?? '').searchParams.get('kc_idp_hint')).toBe('google')
    expect(cardsLoader).not.toHaveBeenCalled()
    expect(screen.queryByText('Your cards')).not.toBeInTheDocument()
    expect(await returnToAfterSignIn(test)).toBe('/app/cards?sort=new#latest')
  })

  it('returns to the page a link led to, hash included', async () => {
    const test = testClient(sandbox)
    const { router } = appRouter(test.client, '/')
    render(<RouterProvider router={router} />)
    fireEvent.click(await screen.findByRole('link', { name: 'Cards' }))
    await waitFor(() => expect(test.navigator.assigned).toHaveLength(1))
    expect(await returnToAfterSignIn(test)).toBe('/cards?sort=new#latest')
  })

  it('lets a signed-in user through', async () => {
    const test = await signedIn(testClient(sandbox))
    const { router, cardsLoader } = appRouter(test.client, '/cards')
    render(<RouterProvider router={router} />)
    expect(await screen.findByText('Your cards')).toBeInTheDocument()
    expect(cardsLoader).toHaveBeenCalledTimes(1)
    expect(test.navigator.assigned).toHaveLength(1)
  })
})
