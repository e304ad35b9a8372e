import { signInAs, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { createAuthClient } from './authClient.ts'
import { AuthError, AuthErrorCode } from './errors.ts'
import { pace } from './providers/pace.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'
import { recordingNavigator } from './testing.ts'

setUpSandbox()

const nativeRedirect = 'com.example.wallet:/oauth2redirect'

function nativeClient(redirectUri: string) {
  return createAuthClient({
    provider: pace({ issuer: 'https://id.example.com/auth/realms/pace' }),
    clientId: 'wallet-app',
    redirectUri,
    store: memoryTokenStore(),
    navigator: recordingNavigator('capacitor://localhost/'),
  })
}

describe('redirect URIs of native apps (RFC 8252)', () => {
  it('accepts a reverse-domain private-use scheme and a claimed https link', () => {
    expect(() => nativeClient(nativeRedirect)).not.toThrow()
    expect(() => nativeClient('https://wallet.example.com/app/callback')).not.toThrow()
  })

  it.each([
    ['plain http off loopback', 'http://wallet.example.com/callback', AuthErrorCode.InsecureUrl],
    ['a scheme that is no reverse domain', 'wallet:/callback', AuthErrorCode.InvalidConfig],
    ['javascript', 'javascript:alert(1)', AuthErrorCode.InvalidConfig],
    ['data', 'data:text/html,hi', AuthErrorCode.InvalidConfig],
    ['no URL at all', 'callback', AuthErrorCode.InvalidConfig],
  ])('refuses %s', (_case, redirectUri, code) => {
    expect(() => nativeClient(redirectUri)).toThrow(expect.objectContaining({ code }))
  })

  it('signs in through the private-use redirect, and keeps returnTo inside the app', async () => {
    const redirectUri = nativeRedirect
    const tab = testClient(sandbox, { clientId: sandbox.paceNativeClientId, redirectUri })
    await tab.client.login({ returnTo: '/wallet?tab=cards' })
    const callback = await browseAuthorization(tab.navigator.assigned.at(-1) ?? '', { username: 'alice', redirectUri })
    expect(callback.startsWith(`${redirectUri}?`)).toBe(true)
    const { returnTo, session } = await tab.client.handleCallback(callback)
    expect(returnTo).toBe('/wallet?tab=cards')
    expect(session.user?.sub).toBe('alice')
    for (const target of ['//evil.example/', 'https://evil.example/', 'com.evil.app:/x']) {
      expect((await rejection(tab.client.login({ returnTo: target }))).code).toBe(AuthErrorCode.InvalidReturnTo)
    }
  })
})

describe('appState', () => {
  it('comes back after the callback, and never travels in the URL', async () => {
    const tab = testClient(sandbox)
    const appState = { draftPayment: 'draft-7', steps: [1, 2] }
    await tab.client.login({ appState })
    expect(tab.navigator.assigned.at(-1)).not.toContain('draft-7')
    const callback = await browseAuthorization(tab.navigator.assigned.at(-1) ?? '', {
      username: 'alice',
      redirectUri: tab.redirectUri,
    })
    expect((await tab.client.handleCallback(callback)).appState).toEqual(appState)
  })

  it('refuses what is not JSON or too large, before the user leaves', async () => {
    const tab = testClient(sandbox)
    expect((await rejection(tab.client.login({ appState: { big: 'x'.repeat(5_000) } }))).code).toBe(
      AuthErrorCode.InvalidConfig,
    )
    expect((await rejection(tab.client.login({ appState: { n: 1n } }))).code).toBe(AuthErrorCode.InvalidConfig)
    expect(tab.navigator.assigned).toEqual([])
  })
})

describe('ready()', () => {
  it('resolves with the restored snapshot, once, and never rejects', async () => {
    const tab = testClient(sandbox)
    await tab.client.handleCallback(await signInAs(tab))
    const reloaded = testClient(sandbox, { store: tab.store })
    expect((await reloaded.client.ready()).status).toBe('signedIn')
    const broken = testClient(sandbox, {
      store: { ...memoryTokenStore(), get: () => Promise.reject(new Error('disk on fire')) },
    })
    expect(await broken.client.ready()).toMatchObject({ status: 'error', error: { code: AuthErrorCode.StorageError } })
  })
})

describe('loginWithPopup', () => {
  it('signs in through the navigator’s own window and stays on the page', async () => {
    const tab = testClient(sandbox)
    const navigator = {
      ...tab.navigator,
      authenticate: async (signIn: Promise<{ url: string }>) =>
        browseAuthorization((await signIn).url, { username: 'alice', redirectUri: tab.redirectUri }),
    }
    const popupTab = testClient(sandbox, { navigator })
    const result = await popupTab.client.loginWithPopup({ appState: { from: 'cart' } })
    expect(result?.session.user?.sub).toBe('alice')
    expect(result?.appState).toEqual({ from: 'cart' })
    expect(popupTab.client.getSnapshot().status).toBe('signedIn')
    expect(tab.navigator.assigned).toEqual([])
  })

  it('falls back to a redirect when the popup is blocked, unless told not to, and reports a closed one', async () => {
    const failing = (code: AuthErrorCode) => {
      const tab = testClient(sandbox)
      const client = testClient(sandbox, {
        navigator: {
          ...tab.navigator,
          authenticate: () => Promise.reject(new AuthError(code, code, { cause: {} })),
        },
      })
      return { tab, client: client.client }
    }
    const blocked = failing(AuthErrorCode.PopupBlocked)
    expect(await blocked.client.loginWithPopup()).toBeUndefined()
    expect(blocked.tab.navigator.assigned.at(-1)).toMatch(/\/protocol\/openid-connect\/auth\?/)
    const strict = failing(AuthErrorCode.PopupBlocked)
    expect((await rejection(strict.client.loginWithPopup({ fallbackToRedirect: false }))).code).toBe(
      AuthErrorCode.PopupBlocked,
    )
    expect(strict.tab.navigator.assigned).toEqual([])
    const closed = failing(AuthErrorCode.PopupClosed)
    expect((await rejection(closed.client.loginWithPopup())).code).toBe(AuthErrorCode.PopupClosed)
    expect(closed.client.getSnapshot().status).toBe('error')
  })

  it('in the popup, relays the callback to the window that opened it instead of completing it', async () => {
    const opener = testClient(sandbox)
    const relayed: string[] = []
    let handOver: (url: string) => void = () => {}
    const popupPage = testClient(sandbox, {
      store: opener.store,
      navigator: { ...recordingNavigator('http://127.0.0.1:5173/'), relayCallback: (url) => relayed.push(url) > 0 },
    })
    const openerClient = testClient(sandbox, {
      store: opener.store,
      navigator: {
        ...opener.navigator,
        authenticate: async (signIn) => {
          const callback = await browseAuthorization((await signIn).url, {
            username: 'alice',
            redirectUri: opener.redirectUri,
          })
          // The popup's own page runs the app's callback route, which hands the URL over.
          void popupPage.client.handleCallback(callback)
          return new Promise<string>((resolve) => {
            handOver = resolve
          })
        },
      },
    })
    const signIn = openerClient.client.loginWithPopup()
    await expect.poll(() => relayed.length).toBe(1)
    expect(popupPage.client.getSnapshot().status).not.toBe('signedIn')
    handOver(relayed[0] ?? '')
    expect((await signIn)?.session.user?.sub).toBe('alice')
  })

  it('hands the sign-in to the navigator at once, while the user’s click still allows a popup', async () => {
    const tab = testClient(sandbox)
    let called = false
    const popupTab = testClient(sandbox, {
      navigator: {
        ...tab.navigator,
        authenticate: async (signIn) => {
          called = true
          return browseAuthorization((await signIn).url, { username: 'alice', redirectUri: tab.redirectUri })
        },
      },
    })
    const signedIn = popupTab.client.loginWithPopup()
    expect(called).toBe(true)
    await signedIn
  })

  it('is a typed configuration error without a navigator that can open one', async () => {
    const tab = testClient(sandbox)
    expect((await rejection(tab.client.loginWithPopup())).code).toBe(AuthErrorCode.InvalidConfig)
  })
})
