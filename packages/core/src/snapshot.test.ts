import { describe, expect, it } from 'vitest'
import type { PendingStepUp } from './challenge.ts'
import { AuthError, AuthErrorCode } from './errors.ts'
import { type AuthSnapshot, loadingSnapshot, nextSnapshot, type SnapshotEvent } from './snapshot.ts'
import type { TokenSet } from './tokenSet.ts'

const tokens = (accessToken: string): TokenSet => ({
  accessToken,
  tokenType: 'Bearer',
  issuedAt: 0,
  expiresAt: 300_000,
  scope: ['openid'],
  refreshToken: 'rt',
})
const failure = (code: AuthError['code'] = AuthErrorCode.NetworkError) => new AuthError(code, code, { cause: {} })
const stepUp: PendingStepUp = {
  kind: 'stepUp',
  reason: 'insufficient_user_authentication',
  acrValues: ['strong'],
  maxAge: undefined,
  scope: undefined,
  description: undefined,
}
function signedIn(accessToken: string, challenge?: PendingStepUp): AuthSnapshot {
  const session = nextSnapshot(loadingSnapshot, {
    type: 'session',
    tokens: tokens(accessToken),
    renewable: true,
    persisted: true,
  })
  return challenge ? nextSnapshot(session, { type: 'challenge', challenge }) : session
}
const withError = (snapshot: AuthSnapshot, error: AuthError) => nextSnapshot(snapshot, { type: 'failed', error })
const signedOut: AuthSnapshot = { status: 'signedOut', reason: 'none', error: undefined }
const earlierError = { status: 'error', error: failure(AuthErrorCode.StateMismatch) } as const

describe('nextSnapshot', () => {
  const networkError = failure()
  const cases: [string, AuthSnapshot, SnapshotEvent, (next: AuthSnapshot, current: AuthSnapshot) => void][] = [
    [
      'a session signs in, renewable or not as its source says',
      loadingSnapshot,
      { type: 'session', tokens: tokens('a'), renewable: false, persisted: true },
      (next) =>
        expect(next).toMatchObject({
          status: 'signedIn',
          session: { accessToken: 'a', renewable: false, persisted: true },
        }),
    ],
    [
      'the same token again is unchanged (another tab echoing this one)',
      signedIn('a'),
      { type: 'session', tokens: tokens('a'), renewable: true, persisted: true },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'the same token clears an error shown beside the session',
      withError(signedIn('a'), networkError),
      { type: 'session', tokens: tokens('a'), renewable: true, persisted: true },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: undefined }),
    ],
    [
      'a refresh keeps the pending challenge',
      signedIn('a', stepUp),
      { type: 'session', tokens: tokens('b'), renewable: true, persisted: true },
      (next) => expect(next).toMatchObject({ session: { accessToken: 'b' }, challenge: stepUp }),
    ],
    [
      'an outage keeps the session and shows the error',
      signedIn('a'),
      { type: 'sessionKept', tokens: tokens('a'), renewable: true, persisted: true, error: networkError },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: networkError }),
    ],
    [
      'start keeps an earlier error (a failed callback) beside the restored session',
      earlierError,
      { type: 'restored', tokens: tokens('a'), renewable: true, persisted: true },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: earlierError.error }),
    ],
    [
      'start restores a session plainly otherwise',
      loadingSnapshot,
      { type: 'restored', tokens: tokens('a'), renewable: true, persisted: true },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: undefined }),
    ],
    [
      'start with nothing stored says nobody is signed in',
      loadingSnapshot,
      { type: 'nothingRestored', reason: 'none' },
      (next) => expect(next).toEqual({ status: 'signedOut', reason: 'none', error: undefined }),
    ],
    [
      'start with nothing stored keeps an earlier error instead',
      earlierError,
      { type: 'nothingRestored', reason: 'expired' },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'an ended session says why',
      signedIn('a', stepUp),
      { type: 'ended', reason: 'rejected', error: networkError },
      (next) => expect(next).toEqual({ status: 'signedOut', reason: 'rejected', error: networkError }),
    ],
    [
      'an aborted command changes nothing',
      signedIn('a'),
      { type: 'failed', error: failure(AuthErrorCode.Aborted) },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'signed out already says "sign in": login_required is not news',
      signedOut,
      { type: 'failed', error: failure(AuthErrorCode.LoginRequired) },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'the error that ended the session, reported again, is not news',
      { status: 'signedOut', reason: 'rejected', error: networkError },
      { type: 'failed', error: networkError },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'a failure while signed in stays beside the session',
      signedIn('a'),
      { type: 'failed', error: networkError },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: networkError }),
    ],
    [
      'a failure while signed out becomes the state',
      signedOut,
      { type: 'failed', error: networkError },
      (next) => expect(next).toEqual({ status: 'error', error: networkError }),
    ],
    [
      'clearing an error keeps the session',
      withError(signedIn('a'), networkError),
      { type: 'errorCleared' },
      (next) => expect(next).toMatchObject({ status: 'signedIn', error: undefined, session: { accessToken: 'a' } }),
    ],
    [
      'clearing an error that stood instead of a session says nobody is signed in',
      earlierError,
      { type: 'errorCleared' },
      (next) => expect(next).toEqual({ status: 'signedOut', reason: 'none', error: undefined }),
    ],
    [
      'clearing when there is no error changes nothing',
      signedOut,
      { type: 'errorCleared' },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'a challenge shows while signed in',
      signedIn('a'),
      { type: 'challenge', challenge: stepUp },
      (next) => expect(next).toMatchObject({ status: 'signedIn', challenge: stepUp }),
    ],
    [
      'the same challenge again is unchanged',
      signedIn('a', stepUp),
      { type: 'challenge', challenge: stepUp },
      (next, current) => expect(next).toBe(current),
    ],
    [
      'a challenge is ignored when nobody is signed in',
      signedOut,
      { type: 'challenge', challenge: stepUp },
      (next, current) => expect(next).toBe(current),
    ],
  ]

  it.each(cases)('%s', (_rule, current, event, check) => {
    check(nextSnapshot(current, event), current)
  })

  it('never changes the snapshot it is given', () => {
    const current = signedIn('a')
    const copy = structuredClone(current)
    nextSnapshot(current, { type: 'failed', error: failure() })
    nextSnapshot(current, { type: 'ended', reason: 'logout' })
    expect(current).toEqual(copy)
  })
})
