import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { AuthError, AuthErrorCode } from '../errors.ts'
import { clientNamespace } from '../session/clientNamespace.ts'
import { sessionStore } from '../session/sessionStore.ts'
import { isLoginTransaction, isTokenSet } from '../session/storedRecords.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import { expectOutcome, leaks, propertyBudget, rows } from './hostileCase.ts'
import { secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'
import { storedRecordCases } from './storedRecords.cases.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
})

type StoredRecord = Record<string, unknown>

describe('tampered stored records, read back by the client', () => {
  it.each(rows(storedRecordCases))('%s', async (_name, { input, expect: expected }) => {
    const current = await signedInWorld()
    world = current
    const { store, names } = current
    if (input.record === 'session') {
      const genuine = (await store.get<StoredRecord>(names.sessionKey)) ?? {}
      await store.set(names.sessionKey, input.tamper(genuine))
      // The next page load reads it.
      const page = current.tab()
      expectOutcome(await current.outcome(page, () => page.auth.start()), expected, secrets)
    } else {
      const { callback, state } = await current.pendingSignIn(current)
      const genuine = (await store.get<StoredRecord>(names.loginKey(state))) ?? {}
      await store.set(names.loginKey(state), input.tamper(genuine))
      expectOutcome(await current.outcome(current, () => current.auth.handleCallback(callback)), expected, secrets)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

/** Anything a store might hand back: any value, and records with the right names and any values. */
const anyStored = (token: string) => {
  const value = fc.oneof(fc.anything({ withNullPrototype: true, withDate: true, withMap: true }), fc.constant(token))
  const shaped = fc.dictionary(
    fc.constantFrom(
      'accessToken',
      'tokenType',
      'issuedAt',
      'expiresAt',
      'scope',
      'refreshToken',
      'idToken',
      'user',
      'state',
      'responseType',
      'codeVerifier',
      'redirectUri',
      'returnTo',
      'createdAt',
      '__proto__',
      'constructor',
    ),
    value,
  )
  return fc.oneof(value, shaped)
}

describe('properties of the stored-record checks', () => {
  it(
    'isTokenSet and isLoginTransaction answer any value, and a yes means the fields are usable',
    propertyBudget,
    () => {
      fc.assert(
        fc.property(anyStored('AT-x'), (stored) => {
          if (isTokenSet(stored)) {
            expect(stored.accessToken).toEqual(expect.any(String))
            expect(Number.isFinite(stored.expiresAt)).toBe(true)
            expect(Array.isArray(stored.scope)).toBe(true)
          }
          if (isLoginTransaction(stored)) {
            expect(stored.state).toEqual(expect.any(String))
            expect(['code', 'token']).toContain(stored.responseType)
            expect(Number.isFinite(stored.expiresAt)).toBe(true)
          }
        }),
        { numRuns: 3_000 },
      )
    },
  )

  it(
    'the session store hands out a session, nothing, or a typed error that holds no stored token',
    propertyBudget,
    async () => {
      const names = clientNamespace('https://id.example.com/', 'spa')
      await fc.assert(
        fc.asyncProperty(
          fc.uuid().chain((uuid) => fc.tuple(fc.constant(`AT-${uuid}`), anyStored(`AT-${uuid}`))),
          async ([token, stored]) => {
            const store = memoryTokenStore()
            const sessions = sessionStore({ store, names, channel: { post() {}, subscribe: () => () => {} } })
            await store.set(names.sessionKey, stored)
            await store.set(names.loginKey('s'), stored)
            for (const read of [() => sessions.read(), () => sessions.claimLogin('s', 0)]) {
              try {
                await read()
              } catch (error) {
                expect(error).toBeInstanceOf(AuthError)
                expect([
                  AuthErrorCode.InvalidStoredRecord,
                  AuthErrorCode.StateMismatch,
                  AuthErrorCode.StateExpired,
                  AuthErrorCode.StateUsed,
                ]).toContain((error as AuthError).code)
                expect(leaks(error, [token])).toEqual([])
              }
            }
          },
        ),
        { numRuns: 1_000 },
      )
    },
  )
})
