import type { IncomingMessage, ServerResponse } from 'node:http'
import * as oauth from 'oauth4webapi'
import { readForm } from '../http/readForm.ts'
import { sendJson } from '../http/sendJson.ts'
import { checkPassword, findDemoUser } from '../pace/demoUsers.ts'
import type { AuthorizeContext } from './authorizeEndpoint.ts'
import { type Oauth20Client, secretMatches } from './oauth20Clients.ts'

class TokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description)
  }
}

/** `/oauth20/token`: the four documented grants, client authentication by Basic or form. */
export function tokenEndpoint(context: AuthorizeContext) {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const form = await readForm(req)
      const client = authenticate(req, form)
      const grantType = form.get('grant_type') ?? ''
      if (!['authorization_code', 'refresh_token', 'client_credentials', 'password'].includes(grantType)) {
        throw new TokenError('unsupported_grant_type', `grant_type ${grantType || '(missing)'} is not supported`)
      }
      if (!client.grantTypes.includes(grantType)) {
        throw new TokenError('unauthorized_client', `This client may not use ${grantType}`)
      }
      const body =
        grantType === 'authorization_code'
          ? await redeemCode(client, form)
          : grantType === 'refresh_token'
            ? refresh(client, form)
            : grantType === 'client_credentials'
              ? issue(client, { subject: undefined, scope: form.get('scope') ?? '', intentId: undefined }, false)
              : passwordGrant(client, form)
      sendJson(res, 200, body)
    } catch (error) {
      if (!(error instanceof TokenError)) throw error
      const headers: Record<string, string> =
        error.status === 401 ? { 'www-authenticate': 'Basic realm="oauth20"' } : {}
      sendJson(res, error.status, { error: error.error, error_description: error.description }, headers)
    }
  }

  /** HTTP Basic (URL-encoded id and secret) or form fields; public clients send only client_id. */
  function authenticate(req: IncomingMessage, form: URLSearchParams): Oauth20Client {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')
    let clientId = form.get('client_id') ?? ''
    let secret = form.get('client_secret') ?? undefined
    if (basic?.[1]) {
      const [id = '', ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':')
      clientId = decodeURIComponent(id)
      secret = decodeURIComponent(rest.join(':'))
    }
    const client = context.clients.get(clientId)
    if (!client) throw new TokenError('invalid_client', 'Client authentication failed', 401)
    if (client.clientSecret !== undefined && (secret === undefined || !secretMatches(client, secret))) {
      throw new TokenError('invalid_client', 'Client authentication failed', 401)
    }
    return client
  }

  async function redeemCode(client: Oauth20Client, form: URLSearchParams) {
    const code = context.codes.get(form.get('code') ?? '')
    if (!code || code.clientId !== client.clientId) throw new TokenError('invalid_grant', 'Unknown authorization code')
    if (code.used) throw new TokenError('invalid_grant', 'The authorization code was already used')
    code.used = true
    if (code.expiresAt <= Date.now()) throw new TokenError('invalid_grant', 'The authorization code has expired')
    if (form.get('redirect_uri') !== code.redirectUri)
      throw new TokenError('invalid_grant', 'redirect_uri does not match')
    if (client.clientSecret === undefined) {
      const verifier = form.get('code_verifier')
      if (!verifier || (await oauth.calculatePKCECodeChallenge(verifier)) !== code.codeChallenge) {
        throw new TokenError('invalid_grant', 'PKCE verification failed')
      }
    }
    const intent = context.intents.find(code.intentId)
    if (intent?.status !== 'AUTHORIZED' || intent.expiresAt <= Date.now()) {
      throw new TokenError('INTENT_USED_OR_EXPIRED', 'The intent was used by another sign-in or has expired')
    }
    intent.status = 'CONSUMED'
    return issue(client, { subject: code.subject, scope: code.scope, intentId: code.intentId }, true)
  }

  function refresh(client: Oauth20Client, form: URLSearchParams) {
    const rotated = context.tokens.rotate(form.get('refresh_token') ?? '', client.clientId)
    if ('failure' in rotated) {
      throw new TokenError(
        'invalid_grant',
        rotated.failure === 'reused' ? 'Refresh token reuse detected; the grant is revoked' : 'Unknown refresh token',
      )
    }
    const { subject, scope, intentId, family } = rotated.grant
    return issue(client, { subject, scope, intentId }, true, family)
  }

  function passwordGrant(client: Oauth20Client, form: URLSearchParams) {
    const user = findDemoUser(form.get('username') ?? '')
    if (!user || !checkPassword(user, form.get('password') ?? '')) {
      throw new TokenError('invalid_grant', 'Invalid resource owner credentials')
    }
    return issue(client, { subject: user.username, scope: form.get('scope') ?? '', intentId: undefined }, true)
  }

  function issue(
    client: Oauth20Client,
    grant: { subject: string | undefined; scope: string; intentId: string | undefined },
    withRefreshToken: boolean,
    family?: string,
  ) {
    const record = { clientId: client.clientId, ...grant }
    const { accessToken, expiresIn } = context.tokens.issueAccess(record)
    return {
      token_type: 'bearer',
      access_token: accessToken,
      expires_in: expiresIn,
      scope: grant.scope,
      ...(withRefreshToken ? { refresh_token: context.tokens.issueRefresh(record, family) } : {}),
    }
  }

  return { handle }
}
