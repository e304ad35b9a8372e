import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'

/** One request to the token endpoint, as tests read it back. */
export interface TokenRequestRecord {
  readonly grantType: string
  readonly grantId: string | undefined
  readonly at: number
  readonly succeeded: boolean
  /** True when this refresh token had been presented before: the race payauth must prevent. */
  readonly reusedRefreshToken: boolean
}

/**
 * Records token-endpoint requests by grant type, so tests can count refreshes per sign-in
 * (grant) and see whether any refresh token was ever presented twice.
 */
export function recordTokenRequests(provider: Provider): { records(): readonly TokenRequestRecord[]; clear(): void } {
  let records: TokenRequestRecord[] = []
  const presented = new Set<string>()

  function record(ctx: KoaContextWithOIDC, succeeded: boolean): void {
    const params = ctx.oidc.params ?? {}
    const grantType = String(params.grant_type ?? '')
    const refreshToken = typeof params.refresh_token === 'string' ? params.refresh_token : undefined
    const reusedRefreshToken = refreshToken !== undefined && presented.has(refreshToken)
    if (refreshToken) presented.add(refreshToken)
    const entities = ctx.oidc.entities
    records.push({
      grantType,
      grantId: entities.RefreshToken?.grantId ?? entities.AuthorizationCode?.grantId ?? entities.AccessToken?.grantId,
      at: Date.now(),
      succeeded,
      reusedRefreshToken,
    })
  }

  provider.on('grant.success', (ctx: KoaContextWithOIDC) => record(ctx, true))
  provider.on('grant.error', (ctx: KoaContextWithOIDC) => record(ctx, false))
  return {
    records: () => records,
    clear() {
      records = []
    },
  }
}
