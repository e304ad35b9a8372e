import type Provider from 'oidc-provider'
import { errors, type KoaContextWithOIDC } from 'oidc-provider'

export const tokenExchangeGrantType = 'urn:ietf:params:oauth:grant-type:token-exchange'
const accessTokenType = 'urn:ietf:params:oauth:token-type:access_token'

/**
 * RFC 8693 token exchange as Keycloak offers it to public clients: an access token of this realm
 * becomes a new one for the same user, with at most its scopes. Keycloak's `subject_issuer` (an
 * external identity provider's alias) is accepted only for tokens of this realm, i.e. absent.
 */
export function registerTokenExchange(provider: Provider): void {
  provider.registerGrantType(
    tokenExchangeGrantType,
    async (ctx: KoaContextWithOIDC) => {
      const params = ctx.oidc.params as Record<string, string | undefined>
      if (params.subject_token_type !== accessTokenType) {
        throw new errors.InvalidRequest('only access tokens of this realm can be exchanged')
      }
      if (params.subject_issuer) throw new errors.InvalidRequest(`unknown subject_issuer ${params.subject_issuer}`)
      const subject = await provider.AccessToken.find(params.subject_token ?? '')
      if (!subject || subject.isExpired) throw new errors.InvalidGrant('subject_token is invalid or expired')
      const client = ctx.oidc.client
      if (!client) throw new errors.InvalidClient('client required')
      const requested = params.scope?.split(' ').filter(Boolean)
      const granted = requested ? requested.filter((scope) => subject.scopes.has(scope)) : [...subject.scopes]
      if (requested && granted.length < requested.length)
        throw new errors.InvalidScope('scope exceeds the subject token', requested.join(' '))
      const token = new provider.AccessToken({
        accountId: subject.accountId,
        client,
        grantId: subject.grantId,
        scope: granted.join(' '),
        gty: 'token-exchange',
        ...(params.audience ? { aud: params.audience } : {}),
      })
      ctx.body = {
        access_token: await token.save(),
        issued_token_type: accessTokenType,
        token_type: 'Bearer',
        expires_in: token.expiration,
        scope: granted.join(' '),
      }
    },
    ['subject_token', 'subject_token_type', 'subject_issuer', 'audience', 'scope', 'requested_token_type', 'resource'],
  )
}
