import { testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthErrorCode } from './errors.ts'
import { popupNavigator } from './popup/popupNavigator.ts'

setUpSandbox()

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('loginWithPopup with a signal', () => {
  it('a Cancel button ends the wait: the popup closes, the call rejects with aborted, and the page shows no error', async () => {
    const popup = { closed: false, location: { href: '' }, close: () => Object.assign(popup, { closed: true }) }
    vi.stubGlobal('window', {
      open: () => popup,
      location: { origin: 'http://127.0.0.1:5173' },
      addEventListener: () => {},
      removeEventListener: () => {},
    })
    const page = testClient(sandbox)
    const { authenticate } = popupNavigator()
    const withPopups = testClient(sandbox, { store: page.store, navigator: { ...page.navigator, authenticate } })
    await withPopups.client.start()
    const cancel = new AbortController()
    const signingIn = withPopups.client.loginWithPopup({ signal: cancel.signal }).catch((error: unknown) => error)
    // The popup is on its way to the authorization server when the user gives up.
    await expect.poll(() => popup.location.href).toContain('/protocol/openid-connect/auth')
    cancel.abort()
    expect(await signingIn).toMatchObject({ code: AuthErrorCode.Aborted })
    expect(popup.closed).toBe(true)
    expect(withPopups.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'none', error: undefined })
  })
})
