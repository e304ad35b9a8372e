import { AuthErrorCode } from '@payauth/core'
import { rejection } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { reactNativeNavigator } from './reactNativeNavigator.ts'
import { type FakeReactNative, fakeReactNative } from './test/fakeReactNative.ts'
import { redirectUri } from './test/reactNativeDevice.ts'

const authorize = `https://id.example.com/auth?client_id=app&redirect_uri=${encodeURIComponent(redirectUri)}`
const callback = `${redirectUri}?code=c&state=s`

function android() {
  const device = fakeReactNative()
  device.platform = 'android'
  return device
}

/** Starts a sign-in, cancels it once its auth session is open, and gives the code it rejects with. */
async function cancelledSignIn(device: FakeReactNative, navigator: ReturnType<typeof reactNativeNavigator>) {
  const cancel = new AbortController()
  const result =
    navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), { redirectUri, signal: cancel.signal }) ??
    Promise.reject()
  await expect.poll(() => device.sessions.length).toBe(1)
  cancel.abort()
  return (await rejection(result)).code
}

describe('reactNativeNavigator', () => {
  it('opens the auth session back to the redirect URI, with the session options asked for', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device, { sessionOptions: { preferEphemeralSession: true } })
    const result = navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), { redirectUri })
    await expect.poll(() => device.sessions.length).toBe(1)
    expect(device.sessions[0]).toMatchObject({ redirectUrl: redirectUri, options: { preferEphemeralSession: true } })
    device.redirect(callback)
    expect(await result).toBe(callback)
  })

  it('on Android, still signs in when Custom Tabs report dismiss before the link arrives', async () => {
    const device = android()
    device.dismissBeforeLink = true
    const navigator = reactNativeNavigator(device)
    const received: string[] = []
    navigator.onRedirect((url) => received.push(url))
    const result = navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), { redirectUri })
    await expect.poll(() => device.sessions.length).toBe(1)
    device.redirect(callback)
    expect(await result).toBe(callback)
    expect(received).toEqual([])
  })

  it('hands the redirect after login() to the app once, though Android also sends it as a link', async () => {
    const device = android()
    const navigator = reactNativeNavigator(device)
    const received: string[] = []
    navigator.onRedirect((url) => received.push(url))
    const leaving = navigator.assign(authorize)
    await expect.poll(() => device.sessions.length).toBe(1)
    device.redirect(callback)
    await leaving
    expect(received).toEqual([callback])
  })

  it('asks for the redirect URI it was given when the URL names none (a pushed request)', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device, { redirectUri })
    void navigator.assign('https://id.example.com/auth?client_id=app&request_uri=urn%3Apar%3A1')
    await expect.poll(() => device.sessions[0]?.redirectUrl).toBe(redirectUri)
  })

  it('on iOS, closes the sheet when the app cancels', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device)
    expect(await cancelledSignIn(device, navigator)).toBe(AuthErrorCode.Aborted)
    // The session ended: the next sign-in can open one.
    void navigator.assign(authorize)
    await expect.poll(() => device.sessions.length).toBe(2)
  })

  it('on Android, gives up at once when the app cancels, and completes nothing with the redirect the tab still brings', async () => {
    const device = android()
    const navigator = reactNativeNavigator(device)
    const received: string[] = []
    navigator.onRedirect((url) => received.push(url))
    expect(await cancelledSignIn(device, navigator)).toBe(AuthErrorCode.Aborted)
    device.redirect(callback)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(received).toEqual([])
  })

  it('opens no session for a sign-in cancelled before it started', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device)
    const result =
      navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), {
        redirectUri,
        signal: AbortSignal.abort(),
      }) ?? Promise.reject()
    expect((await rejection(result)).code).toBe(AuthErrorCode.Aborted)
    expect(device.sessions).toEqual([])
  })

  it('reports popup_blocked when no session can open, or another one is open', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device)
    const first = navigator.authenticate?.(Promise.resolve({ url: authorize, state: 'a' }), { redirectUri })
    const second =
      navigator.authenticate?.(Promise.resolve({ url: authorize, state: 'b' }), { redirectUri }) ?? Promise.resolve()
    expect((await rejection(second)).code).toBe(AuthErrorCode.PopupBlocked)
    device.sessions[0]?.finish({ type: 'locked' })
    expect((await rejection(first ?? Promise.resolve())).code).toBe(AuthErrorCode.PopupBlocked)
  })

  it('opens nothing for an in-app URL (a logout’s landing): the app’s listeners get it', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device)
    const received: string[] = []
    navigator.onRedirect((url) => received.push(url))
    await navigator.assign('com.example.wallet:/signed-out')
    expect(device.sessions).toEqual([])
    expect(received).toEqual(['com.example.wallet:/signed-out'])
  })

  it('stops listening for links once nobody waits for them', async () => {
    const device = fakeReactNative()
    const navigator = reactNativeNavigator(device, { closedGraceMs: 0 })
    const received: string[] = []
    const stop = navigator.onRedirect((url) => received.push(url))
    const result = navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), { redirectUri })
    await expect.poll(() => device.sessions.length).toBe(1)
    device.closeBrowser()
    expect((await rejection(result ?? Promise.resolve())).code).toBe(AuthErrorCode.PopupClosed)
    stop()
    device.redirect(callback)
    expect(received).toEqual([])
  })
})
