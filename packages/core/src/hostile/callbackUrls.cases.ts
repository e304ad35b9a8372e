import { AuthErrorCode as Code } from '../errors.ts'
import { type HostileCase, kept } from './hostileCase.ts'
import { issuer, secret } from './scriptedServer.ts'

/** A sign-in under way in the signed-in page: what the honest server sent back, and a code of another sign-in. */
export interface LiveSignIn {
  readonly callback: string
  readonly state: string
  readonly code: string
  /** A code the server issued for a sign-in with another PKCE challenge (an injected code). */
  readonly foreignCode: string
}

export interface CallbackInput {
  /** The URL handed to `handleCallback`. */
  readonly url: (live: LiveSignIn) => string
  /** What happened before: the honest callback completed in this page or another, or the sign-in sat too long. */
  readonly before?: 'completedHere' | 'completedInAnotherPage' | 'elevenMinutes'
  /** The oauth20 bank's legacy implicit flow instead of PACE's code flow. */
  readonly implicit?: true
}

type Params = Record<string, string | readonly string[] | null>

/** The honest callback with parameters replaced (null: removed; a list: repeated), in the query or the fragment. */
function edited(changes: Params | ((live: LiveSignIn) => Params), where: 'query' | 'fragment' = 'query') {
  return (live: LiveSignIn): string => {
    const url = new URL(live.callback)
    const implicit = url.hash !== ''
    const params = new URLSearchParams(implicit ? url.hash.slice(1) : url.search)
    for (const [name, value] of Object.entries(typeof changes === 'function' ? changes(live) : changes)) {
      params.delete(name)
      for (const each of value === null ? [] : [value].flat()) params.append(name, each)
    }
    url.search = ''
    url.hash = ''
    if (where === 'fragment' || implicit) url.hash = params.toString()
    else url.search = params.toString()
    return url.href
  }
}

const honest = (live: LiveSignIn) => live.callback
const leakedAccessToken = secret('AT')

export const callbackCases: readonly HostileCase<CallbackInput>[] = [
  { name: 'the honest callback', input: { url: honest }, expect: kept('ok') },
  {
    name: 'the honest callback with iss encoded in lower-case hex',
    input: { url: (live) => live.callback.replace(/%3A/g, '%3a').replace(/%2F/g, '%2f') },
    expect: kept('ok'),
  },
  { name: 'an extra session_state parameter', input: { url: edited({ session_state: 'x' }) }, expect: kept('ok') },
  { name: 'the same callback twice in one page', input: { url: honest, before: 'completedHere' }, expect: kept('ok') },
  // state: CSRF and replay (RFC 9700 §4.7)
  { name: 'a forged state', input: { url: edited({ state: 'forged-state' }) }, expect: kept(Code.StateMismatch) },
  { name: 'an empty state', input: { url: edited({ state: '' }) }, expect: kept(Code.StateMismatch) },
  { name: 'no state beside the code', input: { url: edited({ state: null }) }, expect: kept(Code.StateMismatch) },
  {
    name: 'a state 1 MB long',
    input: { url: edited({ state: 's'.repeat(1_000_000) }) },
    expect: kept(Code.StateMismatch),
  },
  { name: 'the state __proto__', input: { url: edited({ state: '__proto__' }) }, expect: kept(Code.StateMismatch) },
  {
    name: 'a state naming another key',
    input: { url: edited({ state: '../session' }) },
    expect: kept(Code.StateMismatch),
  },
  {
    name: 'the state twice: honest, then forged',
    input: { url: edited((live) => ({ state: [live.state, 'forged'] })) },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'the state twice: forged, then honest',
    input: { url: edited((live) => ({ state: ['forged', live.state] })) },
    expect: kept(Code.StateMismatch),
  },
  {
    name: 'the callback replayed in a new page after it completed',
    input: { url: honest, before: 'completedInAnotherPage' },
    expect: kept(Code.StateUsed),
  },
  {
    name: 'a callback eleven minutes late',
    input: { url: honest, before: 'elevenMinutes' },
    expect: kept(Code.StateExpired),
  },
  // iss: mix-up defence (RFC 9207)
  {
    name: 'no iss from a server that promises it',
    input: { url: edited({ iss: null }) },
    expect: kept(Code.IssuerMismatch),
  },
  { name: 'an empty iss', input: { url: edited({ iss: '' }) }, expect: kept(Code.IssuerMismatch) },
  {
    name: 'the iss of another server',
    input: { url: edited({ iss: 'https://attacker.example/auth/realms/pace' }) },
    expect: kept(Code.IssuerMismatch),
  },
  {
    name: 'the iss with a trailing slash',
    input: { url: edited({ iss: `${issuer}/` }) },
    expect: kept(Code.IssuerMismatch),
  },
  {
    name: 'the iss in upper case',
    input: { url: edited({ iss: issuer.replace('id.example.com', 'ID.EXAMPLE.COM') }) },
    expect: kept(Code.IssuerMismatch),
  },
  { name: 'the iss twice', input: { url: edited({ iss: [issuer, issuer] }) }, expect: kept(Code.InvalidResponse) },
  {
    name: 'the iss twice, another server’s first',
    input: { url: edited({ iss: ['https://attacker.example', issuer] }) },
    expect: kept(Code.IssuerMismatch),
  },
  // error responses (RFC 6749 §4.1.2.1)
  {
    name: 'access_denied',
    input: { url: edited({ code: null, error: 'access_denied' }) },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an error with a 100 kB description',
    input: { url: edited({ code: null, error: 'server_error', error_description: 'x'.repeat(100_000) }) },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an error whose description is markup',
    input: { url: edited({ code: null, error: 'invalid_request', error_description: '<img src=x onerror=alert(1)>' }) },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an error with broken percent-encoding',
    input: { url: (live) => `${edited({ code: null, error: 'access_denied' })(live)}&error_description=%E0%A4%A` },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an error beside the honest code',
    input: { url: edited({ error: 'access_denied' }) },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an error with a forged state',
    input: { url: edited({ code: null, error: 'access_denied', state: 'forged' }) },
    expect: kept(Code.StateMismatch),
  },
  {
    name: 'an error without state',
    input: { url: edited({ code: null, error: 'access_denied', state: null }) },
    expect: kept(Code.StateMismatch),
  },
  { name: 'an empty error beside the honest code', input: { url: edited({ error: '' }) }, expect: kept('ok') },
  // codes and tokens where they do not belong
  {
    name: 'the code flow’s response in the fragment',
    input: { url: edited({}, 'fragment') },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an access token in the fragment of a code-flow callback',
    input: { url: (live) => `${live.callback}#access_token=${leakedAccessToken}&state=${live.state}` },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an access token in the query beside the honest code',
    input: { url: edited({ access_token: leakedAccessToken }) },
    expect: kept('ok'),
  },
  {
    name: 'an access token in the query and nothing else',
    input: { url: () => `https://app.example/callback?access_token=${leakedAccessToken}&token_type=bearer` },
    expect: kept(Code.NotACallback),
  },
  {
    name: 'an id_token parameter (hybrid flow)',
    input: { url: edited({ id_token: 'x.y.z' }) },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'a JARM response parameter',
    input: { url: edited({ response: 'x.y.z' }) },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'the code twice',
    input: { url: edited((live) => ({ code: [live.code, live.code] })) },
    expect: kept(Code.InvalidResponse),
  },
  { name: 'no code', input: { url: edited({ code: null }) }, expect: kept(Code.InvalidResponse) },
  {
    name: 'a code the server never issued',
    input: { url: edited({ code: 'made-up' }) },
    expect: kept(Code.TokenError),
  },
  {
    name: 'a code issued for another sign-in (injected; PKCE refuses it)',
    input: { url: edited((live) => ({ code: live.foreignCode })) },
    expect: kept(Code.TokenError),
  },
  {
    name: 'a URL without any response',
    input: { url: () => 'https://app.example/callback?tab=1' },
    expect: kept(Code.NotACallback),
  },
  {
    name: 'no URL at all, the code in what was passed',
    input: { url: (live) => `::${live.code}` },
    expect: kept(Code.InvalidResponse),
  },
  // the oauth20 bank's legacy implicit flow: tokens in the fragment
  { name: 'the honest implicit callback', input: { url: honest, implicit: true }, expect: kept('ok') },
  {
    name: 'an implicit callback with a forged state',
    input: { url: edited({ state: 'forged' }), implicit: true },
    expect: kept(Code.StateMismatch),
  },
  {
    name: 'an implicit token of type mac',
    input: { url: edited({ token_type: 'mac' }), implicit: true },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an implicit token without expires_in',
    input: { url: edited({ expires_in: null }), implicit: true },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an implicit token with a negative expires_in',
    input: { url: edited({ expires_in: '-5' }), implicit: true },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an implicit error beside a token',
    input: { url: edited({ error: 'access_denied' }), implicit: true },
    expect: kept(Code.AuthorizationError),
  },
  {
    name: 'an implicit response from another issuer',
    input: { url: edited({ iss: 'https://attacker.example' }), implicit: true },
    expect: kept(Code.IssuerMismatch),
  },
  {
    name: 'an implicit response with the token twice',
    input: { url: edited((live) => ({ access_token: [leakedAccessToken, live.code] })), implicit: true },
    expect: kept(Code.InvalidResponse),
  },
  {
    name: 'an implicit response in the query',
    input: { url: (live) => live.callback.replace('#', '?'), implicit: true },
    expect: kept(Code.InvalidResponse),
  },
]
