// Reads the sandbox's test-only endpoints: what the server saw, whatever each library believes.

export interface TokenRequestRecord {
  readonly grantType: string
  readonly succeeded: boolean
  /** The refresh token had been presented before: oidc-provider then revokes the whole grant. */
  readonly reusedRefreshToken: boolean
}

export interface TokenRequestLog {
  readonly byGrantType: Readonly<Record<string, number>>
  readonly refreshes: readonly TokenRequestRecord[]
}

/** Every token request since the sandbox started, across all sign-ins (no `access_token` filter). */
export async function tokenRequestLog(origin: string): Promise<TokenRequestLog> {
  const response = await fetch(`${origin}/test/token-requests`)
  if (!response.ok) throw new Error(`/test/token-requests answered ${response.status}`)
  return (await response.json()) as TokenRequestLog
}

/** Whether the sandbox would accept `token` now (not expired, its grant not revoked). */
export async function isActive(origin: string, token: string): Promise<boolean> {
  const response = await fetch(`${origin}/test/access-token`, { method: 'POST', body: new URLSearchParams({ token }) })
  return ((await response.json()) as { active: boolean }).active
}
