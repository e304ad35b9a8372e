import { AuthErrorCode } from '@payauth/core'
import { rejection } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { capacitorNavigator } from './capacitorNavigator.ts'
import { redirectUri } from './test/capacitorDevice.ts'
import { fakeCapacitor } from './test/fakeCapacitor.ts'

const authorize = 'https://id.example.com/auth?client_id=app'
const callback = `${redirectUri}?code=c&state=s`

async function signingIn(options: { closedGraceMs?: number; signal?: AbortSignal } = {}) {
  const device = fakeCapacitor()
  const navigator = capacitorNavigator(device, options)
  const received: string[] = []
  navigator.onRedirect((url) => received.push(url))
  const result =
    navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), {
      redirectUri,
      signal: options.signal,
    }) ?? Promise.reject()
  await expect.poll(() => device.opened.length).toBe(1)
  return { device, navigator, received, result }
}

describe('capacitorNavigator', () => {
  it('still signs in when Android reports the browser closed before the link arrives', async () => {
    const { device, result } = await signingIn()
    device.closeBrowser()
    device.openLink(callback)
    expect(await result).toBe(callback)
  })

  it('takes the browser away once the app is back, after authenticate() and after login()', async () => {
    const { device, navigator, result } = await signingIn()
    device.openLink(callback)
    await result
    expect(device.closes).toBe(1)
    await navigator.assign(authorize)
    device.openLink(`${redirectUri}?code=d&state=t`)
    expect(device.closes).toBe(2)
  })

  it('leaves another sign-in’s redirect to the app, and waits for its own', async () => {
    const { device, received, result } = await signingIn()
    device.openLink(`${redirectUri}?code=old&state=other`)
    device.openLink('com.example.wallet:/cards/42')
    device.openLink(callback)
    expect(await result).toBe(callback)
    expect(received).toEqual([`${redirectUri}?code=old&state=other`, 'com.example.wallet:/cards/42'])
  })

  it('stops listening once the sign-in is over, either way', async () => {
    const signedIn = await signingIn()
    signedIn.device.openLink(callback)
    await signedIn.result
    expect(signedIn.device.listeners('browserFinished')).toBe(0)
    expect(signedIn.device.listeners('appUrlOpen')).toBe(1)
    const closed = await signingIn({ closedGraceMs: 0 })
    closed.device.closeBrowser()
    expect((await rejection(closed.result)).code).toBe(AuthErrorCode.PopupClosed)
    expect(closed.device.listeners('browserFinished')).toBe(0)
    expect(closed.device.listeners('appUrlOpen')).toBe(1)
  })

  it('closes the browser when the app cancels, and completes nothing with a redirect that still comes', async () => {
    const cancel = new AbortController()
    const { device, received, result } = await signingIn({ signal: cancel.signal })
    cancel.abort()
    expect((await rejection(result)).code).toBe(AuthErrorCode.Aborted)
    expect(device.closes).toBe(1)
    device.openLink(callback)
    expect(received).toEqual([])
    // Another sign-in's redirect is still the app's.
    device.openLink(`${redirectUri}?code=d&state=t`)
    expect(received).toEqual([`${redirectUri}?code=d&state=t`])
    // The redirect ended the watch: nothing of this sign-in listens any more.
    await expect.poll(() => device.listeners('browserFinished')).toBe(0)
  })

  it('stops watching a cancelled sign-in once its browser is gone', async () => {
    const cancel = new AbortController()
    const { device, received, result } = await signingIn({ closedGraceMs: 0, signal: cancel.signal })
    cancel.abort()
    await rejection(result)
    device.closeBrowser()
    await expect.poll(() => device.listeners('browserFinished')).toBe(0)
    device.openLink(callback)
    expect(received).toEqual([callback])
  })

  it('cancelled while the browser opens: no unhandled rejection, and the browser it opened is closed', async () => {
    const device = fakeCapacitor()
    // The browser takes its time to open; the app cancels meanwhile.
    let opening: () => void = () => {}
    const openNow = device.Browser.open.bind(device.Browser)
    const navigator = capacitorNavigator({
      ...device,
      Browser: {
        ...device.Browser,
        open: async (options) => {
          await new Promise<void>((resolve) => {
            opening = resolve
          })
          return openNow(options)
        },
      },
    })
    const cancel = new AbortController()
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const result =
        navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), {
          redirectUri,
          signal: cancel.signal,
        }) ?? Promise.reject()
      await new Promise((resolve) => setTimeout(resolve, 10))
      cancel.abort()
      await new Promise((resolve) => setTimeout(resolve, 10))
      opening()
      expect((await rejection(result)).code).toBe(AuthErrorCode.Aborted)
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(device.opened).toHaveLength(1)
      expect(device.closes).toBeGreaterThanOrEqual(1)
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('opens nothing for a sign-in cancelled before it started', async () => {
    const device = fakeCapacitor()
    const navigator = capacitorNavigator(device)
    const result =
      navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), {
        redirectUri,
        signal: AbortSignal.abort(),
      }) ?? Promise.reject()
    expect((await rejection(result)).code).toBe(AuthErrorCode.Aborted)
    expect(device.opened).toEqual([])
  })

  it('reports popup_blocked when the browser cannot open', async () => {
    const device = fakeCapacitor()
    device.browserMissing = true
    const navigator = capacitorNavigator(device)
    const result =
      navigator.authenticate?.(Promise.resolve({ url: authorize, state: 's' }), { redirectUri }) ?? Promise.reject()
    expect((await rejection(result)).code).toBe(AuthErrorCode.PopupBlocked)
    expect(device.listeners('browserFinished')).toBe(0)
  })

  it('opens nothing for an in-app URL (a logout’s landing): the app’s listeners get it', async () => {
    const device = fakeCapacitor()
    const navigator = capacitorNavigator(device)
    const received: string[] = []
    navigator.onRedirect((url) => received.push(url))
    await navigator.assign('com.example.wallet:/signed-out')
    expect(device.opened).toEqual([])
    expect(received).toEqual(['com.example.wallet:/signed-out'])
  })

  it('gives the launch URL of a cold start, and the current URL the app tells', async () => {
    const navigator = capacitorNavigator(fakeCapacitor(callback), { currentUrl: () => 'com.example.wallet:/cards' })
    expect(await navigator.launchUrl()).toBe(callback)
    expect(await capacitorNavigator(fakeCapacitor()).launchUrl()).toBeUndefined()
    expect(navigator.currentUrl()).toBe('com.example.wallet:/cards')
  })
})
