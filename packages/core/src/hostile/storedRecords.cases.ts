import { AuthErrorCode as Code } from '../errors.ts'
import { ended, type HostileCase, kept } from './hostileCase.ts'
import { secret } from './scriptedServer.ts'

type StoredRecord = Record<string, unknown>

/**
 * A record rewritten behind the client's back (another version, an extension, a tampered
 * profile): the session, read by the next page; or the pending sign-in, read by its callback.
 */
export interface StoredRecordInput {
  readonly record: 'session' | 'login'
  readonly tamper: (genuine: StoredRecord) => unknown
}

/** The genuine record with `changes` (an undefined field is left out). */
const withFields = (changes: StoredRecord) => (genuine: StoredRecord) => ({ ...genuine, ...changes })
const replacedBy = (value: unknown) => () => value
/** The genuine record as JSON.parse would give it back with a `__proto__` member first. */
const withProtoMember = (genuine: StoredRecord) =>
  JSON.parse(`{"__proto__":{"polluted":true,"accessToken":"x"},${JSON.stringify(genuine).slice(1)}`) as unknown

const session = (name: string, tamper: StoredRecordInput['tamper'], expect = ended(Code.InvalidStoredRecord)) => ({
  name: `session: ${name}`,
  input: { record: 'session' as const, tamper },
  expect,
})

const login = (name: string, tamper: StoredRecordInput['tamper'], expect = kept(Code.InvalidStoredRecord)) => ({
  name: `pending sign-in: ${name}`,
  input: { record: 'login' as const, tamper },
  expect,
})

export const storedRecordCases: readonly HostileCase<StoredRecordInput>[] = [
  session('the genuine record', (genuine) => genuine, kept('ok')),
  session('unknown extra fields', withFields({ theme: 'dark', version: 99 }), kept('ok')),
  session('a __proto__ member', withProtoMember, kept('ok')),
  session(
    'constructor and prototype members',
    withFields({ constructor: { prototype: { polluted: true } } }),
    kept('ok'),
  ),
  session('a 5 MB access token', withFields({ accessToken: secret('AT') + 'x'.repeat(5_000_000) }), kept('ok')),
  session('expired, with its refresh token (renewed on start)', withFields({ issuedAt: 0, expiresAt: 1 }), kept('ok')),
  // Taken as written: whoever can write the store can write a whole session; payauth never writes this.
  session('an expiry centuries away', withFields({ expiresAt: 1e308 }), kept('ok')),
  session('a numeric access token', withFields({ accessToken: 42 })),
  session('an empty access token', withFields({ accessToken: '' })),
  session('no token type', withFields({ tokenType: undefined })),
  session('issuedAt as a string', withFields({ issuedAt: '2026-01-01' })),
  session('expiresAt NaN', withFields({ expiresAt: Number.NaN })),
  session('expiresAt Infinity', withFields({ expiresAt: Number.POSITIVE_INFINITY })),
  session('expiresAt a Date', withFields({ expiresAt: new Date() })),
  session('scope a string', withFields({ scope: 'openid profile' })),
  session('scope with a number', withFields({ scope: ['openid', 1] })),
  session('a numeric refresh token', withFields({ refreshToken: 42 })),
  session('an empty refresh token', withFields({ refreshToken: '' })),
  session('refreshExpiresAt a string', withFields({ refreshExpiresAt: 'never' })),
  session('a numeric ID token', withFields({ idToken: 1 })),
  session('a user without sub', withFields({ user: { name: 'Mallory' } })),
  session('user null', withFields({ user: null })),
  session('a numeric sub', withFields({ user: { sub: 7 } })),
  session('an intent without id', withFields({ intent: { type: 'payments' } })),
  session('authorizationDetails an object', withFields({ authorizationDetails: { type: 'payment' } })),
  session('authorizationDetails with a number', withFields({ authorizationDetails: [1] })),
  session('a list', (genuine) => [genuine]),
  session('a string', replacedBy('{"accessToken":"x"}')),
  session('a number', replacedBy(42)),
  session('null', replacedBy(null)),
  session('true', replacedBy(true)),
  session('an empty object', replacedBy({})),
  login('the genuine record', (genuine) => genuine, kept('ok')),
  login('unknown extra fields', withFields({ theme: 'dark' }), kept('ok')),
  login('a __proto__ member', withProtoMember, kept('ok')),
  login('a numeric code verifier', withFields({ codeVerifier: 7 })),
  login('no code verifier', withFields({ codeVerifier: undefined }), kept(Code.InvalidResponse)),
  login('another sign-in’s code verifier', withFields({ codeVerifier: 'v'.repeat(43) }), kept(Code.TokenError)),
  login('responseType id_token', withFields({ responseType: 'id_token' })),
  login('responseType token for a code callback', withFields({ responseType: 'token' }), kept(Code.InvalidResponse)),
  login('no redirectUri', withFields({ redirectUri: undefined })),
  login('the state of another sign-in', withFields({ state: 'another-state' }), kept(Code.InvalidResponse)),
  login('a returnTo off the app', withFields({ returnTo: '//evil.example' }), kept(Code.InvalidReturnTo)),
  login('a javascript: returnTo', withFields({ returnTo: 'javascript:alert(1)' }), kept(Code.InvalidReturnTo)),
  login('a numeric returnTo', withFields({ returnTo: 7 })),
  login('expiresAt a string', withFields({ expiresAt: 'later' })),
  login('expired', withFields({ expiresAt: 1 }), kept(Code.StateExpired)),
  login('already used', withFields({ usedAt: 1 }), kept(Code.StateUsed)),
  login('usedAt a string', withFields({ usedAt: 'yes' })),
  login('a numeric nonce', withFields({ nonce: 7 })),
  login('another sign-in’s nonce', withFields({ nonce: 'another-nonce' }), kept(Code.IdTokenInvalid)),
  login('maxAge a string', withFields({ maxAge: '60' })),
  login('acrValues a string', withFields({ acrValues: 'urn:pace:loa:3' })),
  login('an acr the sign-in never asked for', withFields({ acrValues: ['urn:pace:loa:3'] }), kept(Code.StepUpNotMet)),
  login('scope a string', withFields({ scope: 'openid' })),
  login('null', replacedBy(null)),
  login('a list', (genuine) => [genuine]),
]
