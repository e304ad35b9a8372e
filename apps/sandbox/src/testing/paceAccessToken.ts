import { createHash, randomBytes } from 'node:crypto'
import { browseAuthorization } from './browseAuthorization.ts'

export interface PaceAccessTokenOptions {
  /** The sandbox's PACE issuer and public client (`Sandbox.paceIssuer`, `Sandbox.paceClientId`). */
  readonly paceIssuer: string
  readonly paceClientId: string
  /** An app origin the sandbox allows; its `/callback` is the redirect URI. */
  readonly appOrigin: string
  readonly username: string
}

/**
 * Signs a demo user in to the sandbox's PACE realm with the code flow and PKCE, as a browser app
 * would, and returns the access token: what a partner backend receives as the user's bearer token.
 */
export async function paceAccessToken(options: PaceAccessTokenOptions): Promise<string> {
  const redirectUri = `${options.appOrigin}/callback`
  const verifier = randomBytes(32).toString('base64url')
  const authorize = new URL(`${options.paceIssuer}/protocol/openid-connect/auth`)
  authorize.search = new URLSearchParams({
    client_id: options.paceClientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString()
  const callback = new URL(await browseAuthorization(authorize.href, { username: options.username, redirectUri }))
  const response = await fetch(`${options.paceIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: options.paceClientId,
      redirect_uri: redirectUri,
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
    }),
  })
  const body = (await response.json()) as { access_token?: string }
  if (!response.ok || !body.access_token) throw new Error(`PACE sign-in failed with ${response.status}`)
  return body.access_token
}
