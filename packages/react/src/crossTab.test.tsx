import { signInAs, testBrowser, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { useAuth } from './useAuth.ts'
import { useToken } from './useToken.ts'

setUpSandbox()

const renders: string[] = []

function TokenView() {
  const token = useToken()
  const { status } = useAuth()
  const shown = `${status} ${token ? token.slice(0, 12) : 'no token'}`
  renders.push(shown)
  return <p data-testid="token">{shown}</p>
}

describe('hooks follow other tabs', () => {
  it('render once for each sign-in, refresh and sign-out made in another tab', async () => {
    let time = Date.now()
    const browser = testBrowser({ now: () => time })
    const otherTab = testClient(sandbox, { browser, at: '/account' })
    const thisTab = testClient(sandbox, { browser, at: '/account' })
    render(
      <AuthProvider client={thisTab.client}>
        <TokenView />
      </AuthProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('token')).toHaveTextContent('signedOut no token'))
    renders.length = 0

    await otherTab.client.handleCallback(await signInAs(otherTab))
    const first = await otherTab.client.getAccessToken()
    await waitFor(() => expect(screen.getByTestId('token')).toHaveTextContent(`signedIn ${first.slice(0, 12)}`))

    time += 3_600_000
    const second = await act(() => otherTab.client.getAccessToken())
    await waitFor(() => expect(screen.getByTestId('token')).toHaveTextContent(`signedIn ${second.slice(0, 12)}`))

    await otherTab.client.logout({ endSession: false })
    await waitFor(() => expect(screen.getByTestId('token')).toHaveTextContent('signedOut no token'))

    expect(renders).toEqual([`signedIn ${first.slice(0, 12)}`, `signedIn ${second.slice(0, 12)}`, 'signedOut no token'])
    // The other tab refreshed; this one made no token request of its own.
    expect(thisTab.tokenRequests()).toBe(0)
    thisTab.client.dispose()
    otherTab.client.dispose()
  })
})
