import type { LoginOptions } from '../authClientTypes.ts'
import { AuthErrorCode as Code } from '../errors.ts'
import { type HostileCase, kept } from './hostileCase.ts'
import { clientId, idToken, issuer, secrets } from './scriptedServer.ts'

/** The ID token the token endpoint returns with a new sign-in's code, or with a refresh. */
export interface IdTokenInput {
  readonly during: 'signIn' | 'refresh'
  /** The ID token, given the nonce the sign-in sent; undefined for none. */
  readonly idToken: (nonce: string) => unknown
  /** How the sign-in was started (a step-up's acr_values or max_age). */
  readonly login?: LoginOptions
}

const seconds = () => Math.floor(Date.now() / 1000)

/** An ID token with the sign-in's nonce and `claims` (an undefined claim is left out). */
const withClaims =
  (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  (nonce: string) =>
    idToken({ nonce, ...claims }, header)

/** A hand-made compact serialisation, remembered as a secret. */
const raw = (token: string) => () => {
  secrets.add(token)
  return token
}

const signIn = (
  name: string,
  token: IdTokenInput['idToken'],
  expect = kept(Code.IdTokenInvalid),
  login?: LoginOptions,
) => ({
  name: `sign-in: ${name}`,
  input: { during: 'signIn' as const, idToken: token, ...(login ? { login } : {}) },
  expect,
})

const refresh = (name: string, token: IdTokenInput['idToken'], expect = kept(Code.IdTokenInvalid)) => ({
  name: `refresh: ${name}`,
  input: { during: 'refresh' as const, idToken: token },
  expect,
})

const encoded = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '')

export const idTokenCases: readonly HostileCase<IdTokenInput>[] = [
  signIn('an honest ID token', withClaims({}), kept('ok')),
  signIn('another user signing in on this browser', withClaims({ sub: 'bob' }), kept('ok')),
  signIn(
    'our audience and another, with azp naming us',
    withClaims({ aud: [clientId, 'other'], azp: clientId }),
    kept('ok'),
  ),
  signIn('a __proto__ claim', withClaims({ ['__proto__']: { polluted: true } }), kept('ok')),
  signIn('a 100 kB claim', withClaims({ name: 'n'.repeat(100_000) }), kept('ok')),
  signIn('another audience', withClaims({ aud: 'another-client' })),
  signIn('an audience list without us', withClaims({ aud: ['another-client'] })),
  signIn('our audience and another, without azp', withClaims({ aud: [clientId, 'other'] })),
  signIn('azp naming another client', withClaims({ aud: [clientId, 'other'], azp: 'other' })),
  signIn('another issuer', withClaims({ iss: 'https://attacker.example/auth/realms/pace' })),
  signIn('no issuer', withClaims({ iss: undefined })),
  signIn('the issuer with a trailing slash', withClaims({ iss: `${issuer}/` })),
  signIn('another nonce', withClaims({ nonce: 'replayed-nonce' })),
  signIn('no nonce', (nonce) => idToken({ nonce: undefined, sid: nonce })),
  signIn('a numeric nonce', withClaims({ nonce: 7 })),
  signIn('an expired ID token', withClaims({ exp: seconds() - 3600 })),
  signIn('no exp', withClaims({ exp: undefined })),
  signIn('exp as a string', withClaims({ exp: 'tomorrow' })),
  signIn('no iat', withClaims({ iat: undefined })),
  signIn('iat as a string', withClaims({ iat: 'now' })),
  signIn('nbf an hour ahead', withClaims({ nbf: seconds() + 3600 })),
  signIn('no sub', withClaims({ sub: undefined })),
  signIn('a numeric sub', withClaims({ sub: 42 })),
  signIn('an empty sub', withClaims({ sub: '' })),
  signIn('alg none', withClaims({}, { alg: 'none' })),
  signIn('alg HS256 (a key the client could be tricked into)', withClaims({}, { alg: 'HS256' })),
  signIn('no alg', withClaims({}, { alg: undefined })),
  signIn('a crit header', withClaims({}, { crit: ['exp'] })),
  signIn('an encrypted ID token (five parts)', raw('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d'), kept(Code.InvalidResponse)),
  signIn('two parts only', raw(`${encoded({ alg: 'RS256' })}.${encoded({ sub: 'alice' })}`)),
  signIn('a header that is not JSON', raw(`bm90IGpzb24.${encoded({ sub: 'alice' })}.c2ln`)),
  signIn('a payload that is a list', raw(`${encoded({ alg: 'RS256' })}.${encoded(['alice'])}.c2ln`)),
  signIn('no ID token though openid was asked for', () => undefined),
  signIn('a numeric ID token', () => 42),
  signIn('an acr other than the step-up asked for', withClaims({ acr: 'urn:pace:loa:1' }), kept(Code.StepUpNotMet), {
    params: { acr_values: 'urn:pace:loa:3' },
  }),
  signIn('no auth_time though max_age was asked for', withClaims({ auth_time: undefined }), kept(Code.IdTokenInvalid), {
    params: { max_age: '60' },
  }),
  signIn('an auth_time older than max_age', withClaims({ auth_time: seconds() - 3600 }), kept(Code.IdTokenInvalid), {
    params: { max_age: '60' },
  }),
  refresh('an honest refreshed ID token', () => idToken(), kept('ok')),
  refresh('no ID token', () => undefined, kept('ok')),
  refresh('another user', () => idToken({ sub: 'mallory' })),
  refresh('another audience', () => idToken({ aud: 'another-client' })),
  refresh('another issuer', () => idToken({ iss: 'https://attacker.example' })),
  refresh('alg none', () => idToken({}, { alg: 'none' })),
  refresh('an expired ID token', () => idToken({ exp: seconds() - 3600 })),
  refresh('no sub', () => idToken({ sub: undefined })),
  refresh('garbage', raw('not-a-jwt')),
]
