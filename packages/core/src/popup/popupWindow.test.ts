import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { openSignInPopup } from './popupWindow.ts'

const origin = 'http://127.0.0.1:5173'

/** A window whose `open` returns a popup the test closes, as the user or a COOP header would. */
function stubWindow() {
  const popup = { closed: false, location: { href: '' }, close: () => {} }
  vi.stubGlobal('window', {
    open: () => popup,
    location: { origin },
    addEventListener: () => {},
    removeEventListener: () => {},
  })
  return popup
}

/** What the popup's callback page sends back (relayToOpener), over the channel the opener listens on. */
function relay(state: string, url: string) {
  const channel = new BroadcastChannel('payauth:popup')
  channel.postMessage({ type: 'payauthCallback', state, url })
  channel.close()
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('openSignInPopup', () => {
  // Timers and the clock only: the channel's messages travel on the real event loop.
  const fakeClock = () =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })

  it('waits for a callback page whose COOP header cut the opener link, however long the user took to sign in', async () => {
    fakeClock()
    const popup = stubWindow()
    const callback = `${origin}/callback?code=c&state=s1`
    const signedIn = openSignInPopup(Promise.resolve({ url: 'https://id.example/authorize', state: 's1' }))
    // The user reads and fills the login form; then the callback page loads with COOP and the
    // opener sees the popup as closed, while the app boots in it for two seconds.
    await vi.advanceTimersByTimeAsync(20_000)
    popup.closed = true
    await vi.advanceTimersByTimeAsync(2_000)
    relay('s1', callback)
    await expect(signedIn).resolves.toBe(callback)
  })

  it('reports a popup the user closed as popup_closed', async () => {
    fakeClock()
    const popup = stubWindow()
    const signedIn = openSignInPopup(Promise.resolve({ url: 'https://id.example/authorize', state: 's2' }))
    const outcome = signedIn.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(5_000)
    popup.closed = true
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await outcome).toMatchObject({ code: AuthErrorCode.PopupClosed })
  })
})
