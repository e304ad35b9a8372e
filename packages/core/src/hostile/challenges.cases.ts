import { AuthErrorCode as Code } from '../errors.ts'
import { ended, type HostileCase, kept } from './hostileCase.ts'

/** How the API answers a payment (`auth.fetch`) before it is verified; the retry with SCA-Authorization succeeds. */
export interface ChallengeInput {
  readonly status: number
  /** The `WWW-Authenticate` header, given the access token the request carried. */
  readonly header: (accessToken: string) => string
  /** `none`: a client that opted into neither SCA nor step-up. */
  readonly features?: 'none'
  /** How the token endpoint answers the refresh an `invalid_token` asks for; honestly by default. */
  readonly refresh?: () => Response
}

const details = {
  eventId: '06bdc2c0-cce-4b36-97ec-281c8f5d743c',
  walletOperationId: 'a5865fd6-18c2-45a8-9953-1c00eac36c36',
  authenticationMode: 'OUTSOURCED',
  availableVerifications: [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS', target: '+44 ••• 123' }],
  creationTime: '2026-11-23T10:00:00Z',
  expirationTime: '2026-11-23T10:15:00Z',
}

const base64 = (text: string) =>
  btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''))
/** The SCA details Paysafe would send, with `changes` (undefined: left out), base64-encoded JSON. */
const encoded = (changes: Record<string, unknown> = {}) =>
  base64(JSON.stringify({ scaDetails: { ...details, ...changes } }))
const sca = (params: string) => () => `SCA realm="Authentication" ${params}`

const answer = (
  name: string,
  header: ChallengeInput['header'],
  expect = kept(Code.InvalidScaChallenge),
  status = 401,
) => ({
  name,
  input: { status, header },
  expect,
})

const stepUpAnswer = (name: string, params: string, expect = kept(Code.StepUpRequired), status = 401) =>
  answer(name, () => `Bearer ${params}`, expect, status)

/** The same answer to a client that opted into neither SCA nor step-up. */
const unopted = (row: HostileCase<ChallengeInput>): HostileCase<ChallengeInput> => ({
  ...row,
  input: { ...row.input, features: 'none' },
})

const needsAcr = 'error="insufficient_user_authentication", acr_values="urn:pace:loa:3"'

export const challengeCases: readonly HostileCase<ChallengeInput>[] = [
  // Paysafe SCA (PSD2)
  answer('SCA as Paysafe documents it', sca(`auth-param1="${encoded()}"`), kept('ok')),
  answer(
    'SCA with a comma between parameters',
    () => `SCA realm="Authentication", auth-param1="${encoded()}"`,
    kept('ok'),
  ),
  answer('SCA with bare values', () => `SCA realm=Authentication auth-param1=${encoded()}`, kept('ok')),
  answer(
    'SCA in base64url',
    sca(`auth-param1="${encoded().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`),
    kept('ok'),
  ),
  answer(
    'SCA among other challenges',
    () => `Bearer realm="api", SCA auth-param1="${encoded()}", Basic realm="x"`,
    kept('ok'),
  ),
  answer(
    'SCA with an empty list of verifications',
    sca(`auth-param1="${encoded({ availableVerifications: [] })}"`),
    kept('ok'),
  ),
  answer(
    'SCA details with a __proto__ member',
    sca(`auth-param1="${base64(`{"__proto__":{"polluted":1},"scaDetails":${JSON.stringify(details)}}`)}"`),
    kept('ok'),
  ),
  answer('SCA on a 403 (not an SCA answer)', sca(`auth-param1="${encoded()}"`), kept('ok'), 403),
  answer('SCA on a 200 (the payment went through)', sca(`auth-param1="${encoded()}"`), kept('ok'), 200),
  answer('SCA with an unclosed quote', sca(`auth-param1="${encoded()}`)),
  answer('SCA with only a realm', sca('')),
  answer('SCA details that are not base64', sca('auth-param1="%%%"')),
  answer('SCA details that are not JSON', sca(`auth-param1="${base64('not json')}"`)),
  answer('SCA details that are not UTF-8', sca(`auth-param1="${btoa('\xff\xfe{}')}"`)),
  answer('SCA JSON without scaDetails', sca(`auth-param1="${base64('{"other":1}')}"`)),
  answer('scaDetails null', sca(`auth-param1="${base64('{"scaDetails":null}')}"`)),
  answer('scaDetails a list', sca(`auth-param1="${base64('{"scaDetails":[]}')}"`)),
  answer('no eventId', sca(`auth-param1="${encoded({ eventId: undefined })}"`)),
  answer('an eventId that climbs the verifier’s path', sca(`auth-param1="${encoded({ eventId: '../../admin' })}"`)),
  answer('an encoded dot-dot eventId', sca(`auth-param1="${encoded({ eventId: '%2e%2e' })}"`)),
  answer('a 160 kB eventId', sca(`auth-param1="${encoded({ eventId: 'e'.repeat(160_000) })}"`)),
  answer('a numeric eventId', sca(`auth-param1="${encoded({ eventId: 7 })}"`)),
  answer('a walletOperationId with a slash', sca(`auth-param1="${encoded({ walletOperationId: 'a/b' })}"`)),
  answer('an unknown authenticationMode', sca(`auth-param1="${encoded({ authenticationMode: 'MAGIC' })}"`)),
  answer('verifications that are no list', sca(`auth-param1="${encoded({ availableVerifications: 'PIN' })}"`)),
  answer('an unknown method', sca(`auth-param1="${encoded({ availableVerifications: [{ method: 'TELEPATHY' }] })}"`)),
  answer(
    'an unknown channel',
    sca(`auth-param1="${encoded({ availableVerifications: [{ method: 'OTP', channel: 'FAX' }] })}"`),
  ),
  answer(
    'a numeric target',
    sca(`auth-param1="${encoded({ availableVerifications: [{ method: 'OTP', target: 7 }] })}"`),
  ),
  answer('expiry before creation', sca(`auth-param1="${encoded({ expirationTime: '2026-11-23T09:00:00Z' })}"`)),
  answer('a creationTime that is no date', sca(`auth-param1="${encoded({ creationTime: 'yesterday' })}"`)),
  answer('auth-param1 twice: garbage, then valid', sca(`auth-param1="%%%" auth-param1="${encoded()}"`)),
  answer('auth-param1 twice: valid, then garbage', sca(`auth-param1="${encoded()}" auth-param1="%%%"`)),
  answer('realm twice', () => `SCA realm="Authentication" realm="Other" auth-param1="${encoded()}"`),
  answer('SCA followed by 1 MB of garbage', sca(`auth-param1="${'A'.repeat(1_000_000)}"`)),
  answer(
    'a malformed SCA beside a Bearer challenge that repeats the token',
    (token) => `Bearer error="invalid_token", error_description="${token} expired", SCA auth-param1="%%%"`,
  ),
  unopted(
    answer('SCA to a client without the sca option', sca(`auth-param1="${encoded()}"`), kept(Code.ScaUnavailable)),
  ),
  // RFC 9470 step-up
  stepUpAnswer('insufficient_user_authentication with acr_values and max_age', `${needsAcr}, max_age=300`),
  stepUpAnswer('the same on a 403', needsAcr, kept(Code.StepUpRequired), 403),
  stepUpAnswer('the same on a 200 (the answer stands)', needsAcr, kept('ok'), 200),
  stepUpAnswer('the same on a 500', needsAcr, kept('ok'), 500),
  stepUpAnswer('empty acr_values', 'error="insufficient_user_authentication", acr_values=""'),
  stepUpAnswer('a negative max_age', 'error="insufficient_user_authentication", max_age=-1'),
  stepUpAnswer('max_age that is no number', 'error="insufficient_user_authentication", max_age="soon"'),
  stepUpAnswer('max_age 1e999', 'error="insufficient_user_authentication", max_age="1e999"'),
  stepUpAnswer('a fractional max_age', 'error="insufficient_user_authentication", max_age="1.5"'),
  stepUpAnswer(
    '10,000 acr values',
    `error="insufficient_user_authentication", acr_values="${'urn:a '.repeat(10_000)}"`,
  ),
  stepUpAnswer(
    'escaped quotes in acr_values',
    'error="insufficient_user_authentication", acr_values="urn:\\"x\\" urn:y"',
  ),
  answer('a DPoP challenge for a stronger sign-in', () => `DPoP ${needsAcr}, algs="ES256"`, kept(Code.StepUpRequired)),
  stepUpAnswer(
    'insufficient_scope for scopes the app never asked for',
    'error="insufficient_scope", scope="admin payments:all"',
  ),
  answer(
    'a step-up whose description repeats the token',
    (token) => `Bearer ${needsAcr}, error_description="token ${token} is too weak"`,
    kept(Code.StepUpRequired),
  ),
  stepUpAnswer(
    'error twice: step-up, then invalid_token',
    'error="insufficient_user_authentication", error="invalid_token"',
    kept('ok'),
  ),
  stepUpAnswer('an unclosed quote', 'error="insufficient_user_authentication', kept('ok')),
  stepUpAnswer('insufficient_user_authentication in 100 kB of parameters', `${needsAcr}, x="${'y'.repeat(100_000)}"`),
  stepUpAnswer('invalid_token: one refresh, then the refusal stands', 'error="invalid_token"', kept('ok')),
  {
    ...stepUpAnswer('invalid_token, and the refresh is refused (invalid_grant)', 'error="invalid_token"'),
    input: {
      status: 401,
      header: () => 'Bearer error="invalid_token"',
      refresh: () => Response.json({ error: 'invalid_grant' }, { status: 400 }),
    },
    expect: ended(Code.TokenError),
  },
  {
    ...stepUpAnswer('invalid_token, and the refresh meets an outage', 'error="invalid_token"'),
    input: {
      status: 401,
      header: () => 'Bearer error="invalid_token"',
      refresh: () => new Response('<h1>down</h1>', { status: 503, headers: { 'content-type': 'text/html' } }),
    },
    expect: kept(Code.ServerError),
  },
  answer('a Negotiate challenge', () => 'Negotiate', kept('ok')),
  answer('a Basic challenge naming insufficient_user_authentication', () => `Basic ${needsAcr}`, kept('ok')),
  answer(
    'a Bearer description that merely mentions SCA',
    () => 'Bearer error="invalid_token", error_description="needs SCA soon"',
    kept('ok'),
  ),
  unopted(
    answer(
      'a description mentioning SCA, to a client without sca',
      () => 'Bearer error="invalid_token", error_description="needs SCA soon"',
      kept('ok'),
    ),
  ),
]
