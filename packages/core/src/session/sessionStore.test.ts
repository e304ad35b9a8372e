import { describe, expect, it } from 'vitest'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import type { TokenSet } from '../tokenSet.ts'
import { clientNamespace } from './clientNamespace.ts'
import type { LoginTransaction } from './loginTransaction.ts'
import type { SessionMessage } from './sessionChannel.ts'
import { sessionStore } from './sessionStore.ts'

function setUp() {
  const store = memoryTokenStore()
  const posted: SessionMessage[] = []
  const names = clientNamespace('https://id.example/', 'spa')
  const sessions = sessionStore({ store, names, channel: { post: (m) => posted.push(m), subscribe: () => () => {} } })
  return { store, posted, names, sessions }
}

const tokens = (accessToken: string): TokenSet => ({
  accessToken,
  tokenType: 'Bearer',
  issuedAt: 0,
  expiresAt: 1,
  scope: [],
})

const transaction = (state: string, expiresAt: number): LoginTransaction => ({
  state,
  responseType: 'code',
  codeVerifier: 'verifier',
  nonce: undefined,
  redirectUri: 'https://app.example/callback',
  scope: ['openid'],
  intent: undefined,
  returnTo: '/',
  createdAt: 0,
  expiresAt,
})

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  return isAuthError(error) ? error.code : undefined
}

describe('sessionStore', () => {
  it('keeps the session under the key existing sessions are stored at, and tells other tabs of writes and clears', async () => {
    const { store, posted, sessions } = setUp()
    await sessions.write(tokens('a'))
    expect(await store.get('payauth:https://id.example/:spa:session')).toEqual(tokens('a'))
    await sessions.clear()
    expect(await sessions.read()).toBeUndefined()
    expect(posted).toEqual([{ type: 'sessionChanged' }, { type: 'sessionChanged' }])
  })

  it('forgets an expired session without telling: each tab ends it on its own clock', async () => {
    const { posted, sessions } = setUp()
    await sessions.write(tokens('a'))
    posted.length = 0
    await sessions.forget()
    expect(await sessions.read()).toBeUndefined()
    expect(posted).toEqual([])
  })

  it('replaces the session only while it is still the one expected (compare and set)', async () => {
    const { sessions } = setUp()
    await sessions.write(tokens('a'))
    expect(await sessions.replace(tokens('a'), tokens('b'))).toBe(true)
    // A logout or a new sign-in happened meanwhile: the late result must not undo it.
    expect(await sessions.replace(tokens('a'), tokens('c'))).toBe(false)
    expect((await sessions.read())?.accessToken).toBe('b')
    await sessions.clearIf(tokens('a'))
    expect((await sessions.read())?.accessToken).toBe('b')
    await sessions.clearIf(tokens('b'))
    expect(await sessions.read()).toBeUndefined()
  })

  it('claims a pending sign-in once, and tells forged, replayed and expired callbacks apart', async () => {
    const { sessions } = setUp()
    await sessions.saveLogin(transaction('fresh', 100))
    await sessions.saveLogin(transaction('old', 10))
    expect((await sessions.claimLogin('fresh', 50)).codeVerifier).toBe('verifier')
    expect(await codeOf(sessions.claimLogin('fresh', 60))).toBe(AuthErrorCode.StateUsed)
    expect(await codeOf(sessions.claimLogin('forged', 50))).toBe(AuthErrorCode.StateMismatch)
    expect(await codeOf(sessions.claimLogin('', 50))).toBe(AuthErrorCode.StateMismatch)
    expect(await codeOf(sessions.claimLogin('old', 50))).toBe(AuthErrorCode.StateExpired)
    // An expired claim is deleted: asked again, it matches nothing.
    expect(await codeOf(sessions.claimLogin('old', 50))).toBe(AuthErrorCode.StateMismatch)
  })

  it('sweeps pending sign-ins that can no longer complete, and nothing else', async () => {
    const { store, names, sessions } = setUp()
    await sessions.write(tokens('a'))
    await sessions.saveLogin(transaction('expired', 10))
    await sessions.saveLogin(transaction('pending', 100))
    await store.set('another-app', 1)
    await sessions.sweepLogins(50)
    expect((await store.keys()).sort()).toEqual(['another-app', names.loginKey('pending'), names.sessionKey].sort())
  })
})

describe('records read back from the store', () => {
  it.each([
    ['a numeric access token', { ...tokens('a'), accessToken: 42 }],
    ['no expiry', { ...tokens('a'), expiresAt: undefined }],
    ['an infinite expiry', { ...tokens('a'), expiresAt: Number.POSITIVE_INFINITY }],
    ['no scope', { ...tokens('a'), scope: undefined }],
    ['a user without sub', { ...tokens('a'), user: { name: 'Mallory' } }],
    ['a string', 'not a session'],
    ['null', null],
  ])('drops a session with %s, with a typed error, never handing it out', async (_case, record) => {
    const { store, names, sessions } = setUp()
    await store.set(names.sessionKey, record)
    expect(await codeOf(sessions.read())).toBe(AuthErrorCode.InvalidStoredRecord)
    expect(await store.get(names.sessionKey)).toBeUndefined()
    expect(await sessions.read()).toBeUndefined()
  })

  it('drops a malformed pending sign-in instead of redeeming with it', async () => {
    const { store, names, sessions } = setUp()
    await store.set(names.loginKey('s'), { ...transaction('s', 100), codeVerifier: 7 })
    expect(await codeOf(sessions.claimLogin('s', 50))).toBe(AuthErrorCode.InvalidStoredRecord)
    expect(await codeOf(sessions.claimLogin('s', 50))).toBe(AuthErrorCode.StateMismatch)
  })

  it('keeps the server’s renewal pause for every tab, and drops one that is no instant', async () => {
    const { store, names, sessions } = setUp()
    expect(await sessions.renewalPause()).toBe(0)
    await sessions.pauseRenewals(1_000)
    expect(await sessions.renewalPause()).toBe(1_000)
    await store.set(names.renewalPauseKey, 'forever')
    expect(await codeOf(sessions.renewalPause())).toBe(AuthErrorCode.InvalidStoredRecord)
    expect(await sessions.renewalPause()).toBe(0)
  })
})
