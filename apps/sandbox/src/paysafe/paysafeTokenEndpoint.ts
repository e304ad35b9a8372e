import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JwtIssuer } from '../confidential/jwtIssuer.ts'
import { sendTokenEndpointError, TokenEndpointError } from '../confidential/tokenEndpointError.ts'
import { playFault, type TokenRequestMonitor } from '../confidential/tokenRequestMonitor.ts'
import { mediaTypeOf } from '../http/mediaType.ts'
import { readForm } from '../http/readForm.ts'
import { sendJson } from '../http/sendJson.ts'
import { checkPassword, findDemoUser } from '../pace/demoUsers.ts'
import { basicCredentials } from './basicCredentials.ts'
import {
  findPaysafeClient,
  type PaysafeClient,
  paysafeSecretMatches,
  tokenExchangeGrantType,
} from './paysafeClients.ts'
import type { RefreshGrant, RefreshTokenStore } from './refreshTokenStore.ts'

const accessTokenType = 'urn:ietf:params:oauth:token-type:access_token'
const supportedGrantTypes = ['client_credentials', 'refresh_token', tokenExchangeGrantType, 'password']

export interface PaysafeTokenEndpointDeps {
  /** The issuer (and signing key) of one brand's tokens. */
  readonly issuerOf: (brandIdentity: string) => JwtIssuer
  /** `aud` of every access token: the wallet API. */
  readonly audience: string
  readonly accessTokenTtl: number
  readonly refreshTokens: RefreshTokenStore
  readonly monitor: TokenRequestMonitor
  /**
   * The user behind a token-exchange `subject_token`: an access token of the partner's identity
   * provider (the sandbox's PACE realm), which the brand trusts. Undefined when it is not valid.
   */
  readonly resolveSubjectToken: (token: string) => Promise<string | undefined>
}

interface Issue {
  readonly client: PaysafeClient
  readonly subject: string | undefined
  readonly scope: string
  readonly family?: string
  readonly exchanged?: boolean
}

/**
 * `POST /digitalwallets/v1/auth/brands/{brandIdentity}/token`, strict as Paysafe's page: a form
 * body, the client in HTTP Basic of its URL-encoded id and secret, four grants, and
 * `refresh_expires_in` and a signed `id_token` whenever a user is involved.
 */
export function paysafeTokenEndpoint(deps: PaysafeTokenEndpointDeps) {
  async function handle(req: IncomingMessage, res: ServerResponse, brandIdentity: string): Promise<void> {
    const credentials = basicCredentials(req)
    const form = await readForm(req)
    const grantType = form.get('grant_type') ?? ''
    const fault = deps.monitor.admit(credentials?.clientId ?? '', grantType)
    if (fault) return playFault(fault, req, res)
    try {
      if (mediaTypeOf(req) !== 'application/x-www-form-urlencoded') {
        throw new TokenEndpointError('invalid_request', 'The body must be application/x-www-form-urlencoded')
      }
      const client = authenticate(brandIdentity, credentials, form)
      if (!supportedGrantTypes.includes(grantType)) {
        throw new TokenEndpointError(
          'unsupported_grant_type',
          `grant_type ${grantType || '(missing)'} is not supported`,
        )
      }
      if (!client.grantTypes.includes(grantType)) {
        throw new TokenEndpointError('unauthorized_client', `This client may not use ${grantType}`)
      }
      sendJson(res, 200, await grant(client, grantType, form))
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error
      sendTokenEndpointError(res, error)
    }
  }

  function authenticate(
    brandIdentity: string,
    credentials: { clientId: string; clientSecret: string } | undefined,
    form: URLSearchParams,
  ): PaysafeClient {
    const refuse = (description: string) =>
      new TokenEndpointError('invalid_client', description, 401, { 'www-authenticate': 'Basic realm="Paysafe"' })
    if (form.has('client_secret')) throw refuse('Send the client credentials with HTTP Basic, not in the body')
    if (!credentials) throw refuse('HTTP Basic client authentication is required')
    const client = findPaysafeClient(brandIdentity, credentials.clientId)
    if (!client || !paysafeSecretMatches(client, credentials.clientSecret)) throw refuse('Client authentication failed')
    return client
  }

  async function grant(client: PaysafeClient, grantType: string, form: URLSearchParams) {
    switch (grantType) {
      case 'client_credentials':
        return issue({ client, subject: undefined, scope: grantedScope(client.scopes, form, ['openid']) })
      case 'password': {
        const user = findDemoUser(form.get('username') ?? '')
        if (!user || !checkPassword(user, form.get('password') ?? '')) {
          throw new TokenEndpointError('invalid_grant', 'Invalid resource owner credentials')
        }
        return issue({ client, subject: user.username, scope: grantedScope(client.scopes, form) })
      }
      case tokenExchangeGrantType:
        return exchange(client, form)
      default:
        return refresh(client, form)
    }
  }

  async function exchange(client: PaysafeClient, form: URLSearchParams) {
    if (form.get('subject_token_type') !== accessTokenType) {
      throw new TokenEndpointError('invalid_request', `subject_token_type must be ${accessTokenType}`)
    }
    const requested = form.get('requested_token_type')
    if (requested !== null && requested !== accessTokenType) {
      throw new TokenEndpointError('invalid_request', `requested_token_type must be ${accessTokenType}`)
    }
    const subject = await deps.resolveSubjectToken(form.get('subject_token') ?? '')
    if (!subject) throw new TokenEndpointError('invalid_grant', 'subject_token is invalid or expired')
    return issue({ client, subject, scope: grantedScope(client.scopes, form), exchanged: true })
  }

  function refresh(client: PaysafeClient, form: URLSearchParams) {
    const rotated = deps.refreshTokens.rotate(form.get('refresh_token') ?? '', client.brandIdentity, client.clientId)
    if ('failure' in rotated) throw new TokenEndpointError('invalid_grant', rotated.failure)
    const scope = grantedScope(rotated.grant.scope.split(' '), form)
    return issue({ client, subject: rotated.grant.subject, scope, family: rotated.family })
  }

  async function issue({ client, subject, scope, family, exchanged }: Issue) {
    const jwt = deps.issuerOf(client.brandIdentity)
    const accessToken = await jwt.sign(
      {
        sub: subject ?? client.clientId,
        aud: deps.audience,
        client_id: client.clientId,
        scope,
        gty: subject ? 'user' : 'client_credentials',
      },
      deps.accessTokenTtl,
    )
    const body = { access_token: accessToken, token_type: 'Bearer', expires_in: deps.accessTokenTtl, scope }
    if (!subject) return body
    const user = findDemoUser(subject)
    const refreshGrant: RefreshGrant = {
      brandIdentity: client.brandIdentity,
      clientId: client.clientId,
      subject,
      scope,
    }
    return {
      ...body,
      refresh_token: deps.refreshTokens.issue(refreshGrant, family),
      refresh_expires_in: deps.refreshTokens.ttlSeconds,
      id_token: await jwt.sign(
        { sub: subject, aud: client.clientId, ...(user ? { name: user.name, email: user.email } : {}) },
        deps.accessTokenTtl,
        'JWT',
      ),
      ...(exchanged ? { issued_token_type: accessTokenType } : {}),
    }
  }

  return { handle }
}

/** The requested scopes if all are allowed (all allowed ones but `excluded` when none is requested). */
function grantedScope(allowed: readonly string[], form: URLSearchParams, excluded: readonly string[] = []): string {
  const requested = form.get('scope')?.split(' ').filter(Boolean)
  if (!requested) return allowed.filter((scope) => !excluded.includes(scope)).join(' ')
  const refused = requested.filter((scope) => !allowed.includes(scope) || excluded.includes(scope))
  if (refused.length > 0) throw new TokenEndpointError('invalid_scope', `Scope not allowed: ${refused.join(' ')}`)
  return requested.join(' ')
}
