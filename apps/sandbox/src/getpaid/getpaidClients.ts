import { constantTimeEqual } from '../http/constantTimeEqual.ts'

/** getpaid's API audiences: which API a token is for. The stand-in is a sandbox tenant. */
export const getpaidAudiences = {
  live: 'https://api.getpaid.io',
  sandbox: 'https://api.sandbox.getpaid.io',
} as const

/** API credentials, as getpaid creates them, with the scopes granted to them. */
export interface GetpaidClient {
  readonly clientId: string
  readonly clientSecret: string
  readonly grantedScopes: readonly string[]
}

/** Public on purpose: sandbox credentials. */
export const getpaidDemoClient = {
  clientId: 'payauthDemoGetpaidClient0000001',
  clientSecret: 'getpaid-demo-secret-6f1c2d9e0a7b4c3d8e5f',
} as const

export const getpaidClients: readonly GetpaidClient[] = [
  { ...getpaidDemoClient, grantedScopes: ['accounts:read_write', 'invoices:read_write'] },
]

export function authenticateGetpaidClient(clientId: unknown, clientSecret: unknown): GetpaidClient | undefined {
  const client = getpaidClients.find((candidate) => candidate.clientId === clientId)
  return client && typeof clientSecret === 'string' && constantTimeEqual(client.clientSecret, clientSecret)
    ? client
    : undefined
}
