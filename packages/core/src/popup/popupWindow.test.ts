import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { openSignInPopup } from './popupWindow.ts'

const origin = 'http://127.0.0.1:5173'

/** A window whose `open` returns a popup the test closes, as the user or a COOP header would. */
function stubWindow() {
  const popup = {
    closed: false,
    opened: 0,
    location: { href: '' },
    close() {
      popup.closed = true
    },
  }
  vi.stubGlobal('window', {
    open: () => {
      popup.opened++
      return popup
    },
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

  it('cancels when the app aborts: the popup closes, the wait ends with aborted (COOP hid the user closing it)', async () => {
    fakeClock()
    const popup = stubWindow()
    const cancel = new AbortController()
    const signedIn = openSignInPopup(
      Promise.resolve({ url: 'https://id.example/authorize', state: 's3' }),
      cancel.signal,
    )
    const outcome = signedIn.catch((error: unknown) => error)
    // Cut from the opener at once: from here payauth cannot tell a closed popup from one in use.
    await vi.advanceTimersByTimeAsync(500)
    popup.closed = true
    await vi.advanceTimersByTimeAsync(60_000)
    cancel.abort()
    expect(await outcome).toMatchObject({ code: AuthErrorCode.Aborted })
    // A relay arriving later finds nobody waiting.
    relay('s3', `${origin}/callback?code=c&state=s3`)
  })

  it('opens no popup for a signal already aborted', async () => {
    const popup = stubWindow()
    const signedIn = openSignInPopup(
      Promise.resolve({ url: 'https://id.example/authorize', state: 's4' }),
      AbortSignal.abort(),
    )
    expect(await signedIn.catch((error: unknown) => error)).toMatchObject({ code: AuthErrorCode.Aborted })
    expect(popup.opened).toBe(0)
  })

  it('closes the popup when the app aborts while the sign-in is still being prepared', async () => {
    const popup = stubWindow()
    const cancel = new AbortController()
    let prepared: (value: { url: string; state: string }) => void = () => {}
    const signIn = new Promise<{ url: string; state: string }>((resolve) => {
      prepared = resolve
    })
    const outcome = openSignInPopup(signIn, cancel.signal).catch((error: unknown) => error)
    cancel.abort()
    prepared({ url: 'https://id.example/authorize', state: 's5' })
    expect(await outcome).toMatchObject({ code: AuthErrorCode.Aborted })
    expect(popup).toMatchObject({ opened: 1, closed: true, location: { href: '' } })
  })
})
