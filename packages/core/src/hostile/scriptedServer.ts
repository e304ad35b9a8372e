import * as oauth from 'oauth4webapi'
import type { FetchLike } from '../oauth/httpOptions.ts'

export const issuer = 'https://id.example.com/auth/realms/pace'
export const bankOrigin = 'https://bank.example'
export const clientId = 'wallet-spa'
export const appOrigin = 'https://app.example'
export const redirectUri = `${appOrigin}/callback`
export const apiOrigin = 'https://api.example'
export const tokenEndpoint = `${issuer}/protocol/openid-connect/token`

/** Every token and code minted in this test file: none of them may appear in any error. */
export const secrets = new Set<string>()

/** A secret, remembered so the deep scan looks for it. */
export function secret(prefix: 'AT' | 'RT' | 'CODE'): string {
  const value = `${prefix}-${crypto.randomUUID().replaceAll('-', '')}`
  secrets.add(value)
  return value
}

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/**
 * An ID token as the server would issue it. oauth4webapi checks claims, not the signature, of an
 * ID token from the token endpoint (TLS vouches for it), so the signature is a placeholder.
 * A claim set to undefined is left out.
 */
export function idToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const seconds = Math.floor(Date.now() / 1000)
  const payload = { iss: issuer, aud: clientId, sub: 'alice', iat: seconds, exp: seconds + 300, ...claims }
  const token = `${base64url({ alg: 'RS256', typ: 'JWT', ...header })}.${base64url(payload)}.c2lnbmF0dXJl`
  secrets.add(token)
  return token
}

type Reply = (form: URLSearchParams) => Response | Promise<Response>

interface PendingCode {
  readonly nonce: string | null
  readonly challenge: string | null
  readonly acr: string | undefined
}

/**
 * An authorization server, PACE-shaped, with an API beside it, answering at the `fetch` boundary:
 * honest (PKCE checked, refresh tokens rotated) until a test scripts a reply.
 */
export function scriptedServer() {
  const codes = new Map<string, PendingCode>()
  const liveRefreshTokens = new Set<string>()
  const server = {
    discovery: (): Response | Promise<Response> =>
      Response.json({
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: tokenEndpoint,
        revocation_endpoint: `${issuer}/protocol/openid-connect/revoke`,
        end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
        authorization_response_iss_parameter_supported: true,
      }),
    /** Answers token requests instead of the honest endpoint while set. */
    tokenReply: undefined as Reply | undefined,
    /** How the API answers; `200 {}` unless a test says otherwise. */
    resource: (_request: Request): Response | Promise<Response> => Response.json({}),
    /** The redirect back to the app for the authorization request at `url`, as the server would send it. */
    callbackFor(url: string): string {
      const request = new URL(url).searchParams
      const back = new URL(request.get('redirect_uri') ?? redirectUri)
      const state = request.get('state') ?? ''
      if (request.get('response_type') === 'token') {
        back.hash = new URLSearchParams({
          access_token: secret('AT'),
          token_type: 'bearer',
          expires_in: '3600',
          state,
        }).toString()
        return back.href
      }
      const code = secret('CODE')
      const acr = request.get('acr_values')?.split(' ')[0]
      codes.set(code, { nonce: request.get('nonce'), challenge: request.get('code_challenge'), acr })
      back.search = new URLSearchParams({ code, state, iss: issuer }).toString()
      return back.href
    },
    fetch: (async (input, init) => {
      const request = new Request(input, init)
      const url = new URL(request.url)
      if (url.pathname.endsWith('/.well-known/openid-configuration')) return server.discovery()
      if (url.pathname.endsWith('/token')) {
        const form = new URLSearchParams(await request.text())
        return server.tokenReply ? server.tokenReply(form) : honestToken(form)
      }
      if (url.pathname.endsWith('/revoke')) return new Response(null, { status: 200 })
      if (url.origin === apiOrigin) return server.resource(request)
      return new Response('not found', { status: 404 })
    }) as FetchLike,
  }

  async function honestToken(form: URLSearchParams): Promise<Response> {
    const refused = Response.json({ error: 'invalid_grant' }, { status: 400 })
    if (form.get('grant_type') === 'refresh_token') {
      const presented = form.get('refresh_token') ?? ''
      if (!liveRefreshTokens.delete(presented)) return refused
      return Response.json(tokens())
    }
    const code = codes.get(form.get('code') ?? '')
    codes.delete(form.get('code') ?? '')
    const verifier = form.get('code_verifier')
    if (!code || !verifier || (await oauth.calculatePKCECodeChallenge(verifier)) !== code.challenge) return refused
    return Response.json(tokens(code))
  }

  function tokens(code?: PendingCode) {
    const refreshToken = secret('RT')
    liveRefreshTokens.add(refreshToken)
    const seconds = Math.floor(Date.now() / 1000)
    const claims = code ? { nonce: code.nonce ?? undefined, acr: code.acr, auth_time: seconds } : {}
    return {
      access_token: secret('AT'),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: refreshToken,
      scope: 'openid profile',
      ...(code?.nonce !== null ? { id_token: idToken(claims) } : {}),
    }
  }

  return server
}

export type ScriptedServer = ReturnType<typeof scriptedServer>
