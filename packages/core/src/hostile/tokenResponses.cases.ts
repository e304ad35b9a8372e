import { AuthErrorCode as Code } from '../errors.ts'
import { ended, type HostileCase, kept } from './hostileCase.ts'
import { secret } from './scriptedServer.ts'

/** How the token endpoint answers; `signIn` when it answers the code of a new sign-in rather than a refresh. */
export interface TokenResponseInput {
  readonly reply: (form: URLSearchParams) => Response | Promise<Response>
  readonly during?: 'signIn'
}

/** A well-formed token response with `changes` applied (an undefined field is left out). */
const tokens =
  (changes: Record<string, unknown> = {}, init: ResponseInit = {}) =>
  () =>
    Response.json(
      { access_token: secret('AT'), token_type: 'Bearer', expires_in: 3600, refresh_token: secret('RT'), ...changes },
      init,
    )

const oauthError =
  (error: unknown, status = 400, extra: Record<string, unknown> = {}) =>
  () =>
    Response.json({ error, ...extra }, { status })

const page =
  (status: number, body = '<html><body>Bad gateway</body></html>', headers: HeadersInit = {}) =>
  () =>
    new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } })

const row = (name: string, reply: TokenResponseInput['reply'], expect = kept(Code.InvalidResponse)) => ({
  name,
  input: { reply },
  expect,
})

export const tokenResponseCases: readonly HostileCase<TokenResponseInput>[] = [
  row('an honest rotation', tokens(), kept('ok')),
  row('token_type "bearer"', tokens({ token_type: 'bearer' }), kept('ok')),
  row('token_type "BEARER"', tokens({ token_type: 'BEARER' }), kept('ok')),
  row('expires_in 0 (a short default lifetime instead)', tokens({ expires_in: 0 }), kept('ok')),
  row('expires_in as a string', tokens({ expires_in: '3600' }), kept('ok')),
  row('expires_in 1e308 (capped at a day)', tokens({ expires_in: 1e308 }), kept('ok')),
  row('expires_in 1.5', tokens({ expires_in: 1.5 }), kept('ok')),
  row('no expires_in', tokens({ expires_in: undefined }), kept('ok')),
  row('no new refresh token (no rotation)', tokens({ refresh_token: undefined }), kept('ok')),
  row('a negative refresh_expires_in (ignored)', tokens({ refresh_expires_in: -1 }), kept('ok')),
  row('refresh_expires_in "soon" (ignored)', tokens({ refresh_expires_in: 'soon' }), kept('ok')),
  row(
    'a __proto__ member in the JSON',
    () =>
      new Response(
        `{"__proto__":{"polluted":true},"access_token":"${secret('AT')}","token_type":"Bearer","expires_in":60}`,
        { headers: { 'content-type': 'application/json' } },
      ),
    kept('ok'),
  ),
  row('a 2 MB response', tokens({ padding: 'x'.repeat(2_000_000) }), kept('ok')),
  // token_type
  row('token_type "mac"', tokens({ token_type: 'mac' })),
  row('no token_type', tokens({ token_type: undefined })),
  row('a numeric token_type', tokens({ token_type: 7 })),
  row('an empty token_type', tokens({ token_type: '' })),
  row('token_type "N_A"', tokens({ token_type: 'N_A' })),
  row('a DPoP-bound token for a client that sent no proof', tokens({ token_type: 'DPoP' })),
  // expires_in
  row('a negative expires_in', tokens({ expires_in: -1 })),
  row('expires_in "NaN"', tokens({ expires_in: 'NaN' })),
  row('expires_in "Infinity"', tokens({ expires_in: 'Infinity' })),
  row('expires_in null', tokens({ expires_in: null })),
  row('expires_in an object', tokens({ expires_in: {} })),
  // bodies that are no token response
  row('plain text', () => new Response('ok', { headers: { 'content-type': 'text/plain' } })),
  row(
    'JSON that does not parse',
    () => new Response('{"access_token":', { headers: { 'content-type': 'application/json' } }),
  ),
  row('a JSON array', () => Response.json([{ access_token: secret('AT') }])),
  row('JSON null', () => Response.json(null)),
  row('an empty 200', () => new Response('', { headers: { 'content-type': 'application/json' } })),
  row('204 No Content', () => new Response(null, { status: 204 })),
  row('a redirect', () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } })),
  row('an error object with status 200', () => Response.json({ error: 'invalid_grant' })),
  row('no access_token', tokens({ access_token: undefined })),
  row('an empty access_token', tokens({ access_token: '' })),
  row('a numeric access_token', tokens({ access_token: 42 })),
  row('an empty refresh_token', tokens({ refresh_token: '' })),
  row('a numeric refresh_token', tokens({ refresh_token: 42 })),
  row('a numeric scope', tokens({ scope: 7 })),
  // outages and rate limits: the session waits
  row('an HTML 500 page', page(500), kept(Code.ServerError)),
  row(
    'an HTML 502 page that echoes the request',
    (form) => page(502, `<pre>${form.toString()}</pre>`)(),
    kept(Code.ServerError),
  ),
  row('an HTML 503 with Retry-After', page(503, 'busy', { 'retry-after': '120' }), kept(Code.ServerError)),
  row(
    'a 503 with Retry-After as a date',
    page(503, 'busy', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }),
    kept(Code.ServerError),
  ),
  row('a bare 429', () => new Response(null, { status: 429 }), kept(Code.ServerError)),
  row('a 408 timeout page', page(408, 'timeout'), kept(Code.ServerError)),
  row(
    '429 slow_down with Retry-After',
    () => Response.json({ error: 'slow_down' }, { status: 429, headers: { 'retry-after': '30' } }),
    kept(Code.TokenError),
  ),
  row(
    'a JSON 503 temporarily_unavailable with Retry-After',
    () => Response.json({ error: 'temporarily_unavailable' }, { status: 503, headers: { 'retry-after': '600' } }),
    kept(Code.ServerError),
  ),
  row('invalid_grant from a failing server (500)', oauthError('invalid_grant', 500), kept(Code.ServerError)),
  row('the network fails', () => Promise.reject(new TypeError('Failed to fetch')), kept(Code.NetworkError)),
  // OAuth errors: only invalid_grant ends the session
  row('invalid_grant', oauthError('invalid_grant'), ended(Code.TokenError)),
  row(
    'invalid_grant whose description repeats the refresh token',
    (form) =>
      oauthError('invalid_grant', 400, { error_description: `Invalid refresh token: ${form.get('refresh_token')}` })(),
    ended(Code.TokenError),
  ),
  row(
    'invalid_grant with an error_uri',
    oauthError('invalid_grant', 400, { error_uri: 'https://id.example.com/errors/1' }),
    ended(Code.TokenError),
  ),
  row('invalid_grant with status 401', oauthError('invalid_grant', 401), ended(Code.TokenError)),
  row('invalid_request', oauthError('invalid_request'), kept(Code.TokenError)),
  row(
    'invalid_request whose description repeats the refresh token',
    (form) => oauthError('invalid_request', 400, { error_description: `bad ${form.get('refresh_token')}` })(),
    kept(Code.TokenError),
  ),
  row('invalid_client (401)', oauthError('invalid_client', 401), kept(Code.TokenError)),
  // oauth4webapi reports the challenge and never reads the body: typed, kept, but not as the OAuth error it is.
  row('invalid_client with a Basic challenge', () =>
    Response.json({ error: 'invalid_client' }, { status: 401, headers: { 'www-authenticate': 'Basic realm="pace"' } }),
  ),
  row('unauthorized_client', oauthError('unauthorized_client'), kept(Code.TokenError)),
  row('unsupported_grant_type', oauthError('unsupported_grant_type'), kept(Code.TokenError)),
  row('invalid_scope', oauthError('invalid_scope'), kept(Code.TokenError)),
  row('invalid_dpop_proof', oauthError('invalid_dpop_proof'), kept(Code.TokenError)),
  row('an unknown error', oauthError('account_locked'), kept(Code.TokenError)),
  row('INVALID_GRANT in capitals', oauthError('INVALID_GRANT'), kept(Code.TokenError)),
  row('invalid_grant with a trailing space', oauthError('invalid_grant '), kept(Code.TokenError)),
  row('invalid_grant inside a list', oauthError(['invalid_grant'])),
  row(
    'invalid_grant as an HTML page',
    () => new Response('{"error":"invalid_grant"}', { status: 400, headers: { 'content-type': 'text/html' } }),
  ),
  // the token endpoint answering the code of a new sign-in: the session signed in before stays
  ...[
    row('sign-in: invalid_grant for the code', oauthError('invalid_grant'), kept(Code.TokenError)),
    row(
      'sign-in: invalid_grant whose description repeats the code',
      (form) => oauthError('invalid_grant', 400, { error_description: `Code ${form.get('code')} was already used` })(),
      kept(Code.TokenError),
    ),
    row('sign-in: an HTML 500 page', page(500), kept(Code.ServerError)),
    row('sign-in: token_type "mac"', tokens({ token_type: 'mac' })),
    row('sign-in: the network fails', () => Promise.reject(new TypeError('Failed to fetch')), kept(Code.NetworkError)),
  ].map((signIn) => ({ ...signIn, input: { ...signIn.input, during: 'signIn' as const } })),
]
