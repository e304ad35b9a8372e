import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { clientNamespace } from '../session/clientNamespace.ts'
import { sessionStore } from '../session/sessionStore.ts'
import type { SnapshotEvent } from '../snapshot.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import { recordingNavigator } from '../testing.ts'
import type { TokenSet } from '../tokenSet.ts'
import { signOut } from './signOut.ts'

const tokens: TokenSet = {
  accessToken: 'at',
  tokenType: 'Bearer',
  issuedAt: 0,
  expiresAt: 1,
  scope: ['openid'],
  refreshToken: 'rt',
  idToken: 'ID-TOKEN',
  user: { sub: 'alice' },
}

async function setUp() {
  const sessions = sessionStore({
    store: memoryTokenStore(),
    names: clientNamespace('https://id.example/', 'spa'),
    channel: { post() {}, subscribe: () => () => {} },
  })
  await sessions.write(tokens)
  const ended: string[] = []
  const told: { landing: string; idTokenHint: boolean }[] = []
  const events: SnapshotEvent[] = []
  const navigator = recordingNavigator('https://app.example/wallet')
  const deps = {
    appOrigin: 'https://app.example',
    landing: '/',
    sessions,
    engine: { current: () => tokens, end: (reason: string) => ended.push(reason) },
    async endSession(_ending: TokenSet | undefined, landing: string, hints: { idTokenHint: boolean }) {
      told.push({ landing, ...hints })
      const url = new URL('https://id.example/logout')
      url.searchParams.set('post_logout_redirect_uri', landing)
      return url
    },
    navigator,
    dispatch: (event: SnapshotEvent) => events.push(event),
  }
  return { deps, sessions, ended, told, navigator }
}

describe('signOut', () => {
  it('signs out and revokes first, then refuses a returnTo off the app, sending nobody there', async () => {
    const t = await setUp()
    const error = await signOut(t.deps, { returnTo: '//evil.example/phish' }).catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: AuthErrorCode.InvalidReturnTo })
    expect(await t.sessions.read()).toBeUndefined()
    expect(t.ended).toEqual(['logout'])
    expect(t.told).toEqual([{ landing: 'https://app.example/', idTokenHint: true }])
    expect(t.navigator.assigned).toEqual([])
  })

  it('goes through the server’s logout to the app page asked for', async () => {
    const t = await setUp()
    await signOut(t.deps, { returnTo: '/goodbye' })
    expect(new URL(t.navigator.assigned[0] ?? '').searchParams.get('post_logout_redirect_uri')).toBe(
      'https://app.example/goodbye',
    )
  })

  it('keeps the ID token out of the URL when asked', async () => {
    const t = await setUp()
    await signOut(t.deps, { idTokenHint: false })
    expect(t.told[0]?.idTokenHint).toBe(false)
  })

  it('lands inside a native app, whose root is a private-use scheme', async () => {
    const t = await setUp()
    await signOut({ ...t.deps, appOrigin: 'com.example.wallet:' }, { returnTo: '/signed-out' })
    expect(t.told[0]?.landing).toBe('com.example.wallet:/signed-out')
    expect(await t.sessions.read()).toBeUndefined()
  })
})
