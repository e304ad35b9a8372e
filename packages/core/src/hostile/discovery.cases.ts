import { AuthErrorCode as Code } from '../errors.ts'
import { type HostileCase, kept } from './hostileCase.ts'
import { issuer } from './scriptedServer.ts'

/**
 * What `/.well-known/openid-configuration` answers: the honest document with members replaced
 * (undefined: left out), or a whole response.
 */
export type DiscoveryInput =
  | { readonly changes: Record<string, unknown> }
  | { readonly reply: () => Response | Promise<Response> }

const honest = {
  issuer,
  authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
  token_endpoint: `${issuer}/protocol/openid-connect/token`,
  revocation_endpoint: `${issuer}/protocol/openid-connect/revoke`,
  end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
  authorization_response_iss_parameter_supported: true,
}

/** The honest document with `changes`, as the JSON the server sends. */
export function discoveryDocument(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...honest, ...changes })
}

const changed = (name: string, changes: Record<string, unknown>, expect = kept(Code.DiscoveryFailed)) => ({
  name,
  input: { changes },
  expect,
})

const replied = (name: string, reply: () => Response | Promise<Response>, expect = kept(Code.DiscoveryFailed)) => ({
  name,
  input: { reply },
  expect,
})

const insecure = (name: string) =>
  changed(`${name} on plain http elsewhere`, { [name]: 'http://attacker.example/collect' }, kept(Code.InsecureUrl))

export const discoveryCases: readonly HostileCase<DiscoveryInput>[] = [
  changed('the honest document', {}, kept('ok')),
  // The document comes from the issuer over TLS: an https endpoint elsewhere is its word to take.
  changed('an https token endpoint on another host', { token_endpoint: 'https://tokens.example/token' }, kept('ok')),
  changed(
    'the token endpoint’s host in capitals',
    { token_endpoint: honest.token_endpoint.replace('id.example.com', 'ID.EXAMPLE.COM') },
    kept('ok'),
  ),
  changed('a __proto__ member', { ['__proto__']: { polluted: true } }, kept('ok')),
  changed('a 1 MB document', { service_documentation: 'x'.repeat(1_000_000) }, kept('ok')),
  changed(
    'an mTLS alias on plain http (never used)',
    { mtls_endpoint_aliases: { token_endpoint: 'http://attacker.example' } },
    kept('ok'),
  ),
  changed('an endpoint payauth never calls set to null', { backchannel_authentication_endpoint: null }, kept('ok')),
  changed('another server’s issuer', { issuer: 'https://attacker.example/auth/realms/pace' }),
  changed('the issuer with a trailing slash', { issuer: `${issuer}/` }),
  changed('no issuer', { issuer: undefined }),
  changed('a numeric issuer', { issuer: 7 }),
  changed('an issuer that is no URL', { issuer: 'pace' }),
  changed('no token endpoint', { token_endpoint: undefined }),
  changed('no authorization endpoint', { authorization_endpoint: undefined }),
  changed('a numeric token endpoint', { token_endpoint: 443 }),
  changed('a relative token endpoint', { token_endpoint: '/protocol/openid-connect/token' }),
  changed('a token endpoint that is no URL', { token_endpoint: 'not a url' }),
  changed('a javascript: token endpoint', { token_endpoint: 'javascript:alert(1)' }, kept(Code.InsecureUrl)),
  changed(
    'an https issuer’s token endpoint on loopback http',
    { token_endpoint: 'http://127.0.0.1:9999/token' },
    kept(Code.InsecureUrl),
  ),
  insecure('token_endpoint'),
  insecure('authorization_endpoint'),
  insecure('revocation_endpoint'),
  insecure('end_session_endpoint'),
  insecure('userinfo_endpoint'),
  insecure('pushed_authorization_request_endpoint'),
  insecure('jwks_uri'),
  replied(
    'a 404 page',
    () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }),
  ),
  replied(
    'an HTML 500 page',
    () => new Response('<h1>Oops</h1>', { status: 500, headers: { 'content-type': 'text/html' } }),
  ),
  replied('HTML with status 200', () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } })),
  replied(
    'JSON that does not parse',
    () => new Response('{"issuer":', { headers: { 'content-type': 'application/json' } }),
  ),
  replied('a JSON list', () => Response.json([honest])),
  replied(
    'a redirect elsewhere',
    () => new Response(null, { status: 302, headers: { location: 'https://attacker.example/' } }),
  ),
  // The refresh token was never presented: a refusal here says nothing about the grant.
  replied('invalid_grant from the discovery endpoint', () =>
    Response.json({ error: 'invalid_grant' }, { status: 400 }),
  ),
  replied('the network fails', () => Promise.reject(new TypeError('Failed to fetch')), kept(Code.NetworkError)),
]
