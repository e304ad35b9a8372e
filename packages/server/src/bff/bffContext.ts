import type { CsrfPolicy } from '../http/refuseCrossSiteRequest.ts'
import type { SessionStore } from '../sessions/sessionStore.ts'
import type { BffLogger } from './bffOptions.ts'
import type { BffProvider } from './bffProvider.ts'
import type { LoginTransactions } from './loginTransactions.ts'
import type { ProtocolClient } from './protocolClient.ts'
import type { SessionAccess } from './sessionAccess.ts'

/** Everything the routes share, resolved once from the options; each route picks what it needs. */
export interface BffContext {
  readonly provider: BffProvider
  readonly protocol: ProtocolClient
  readonly store: SessionStore
  readonly sessions: SessionAccess
  readonly transactions: LoginTransactions
  readonly csrf: CsrfPolicy
  readonly appOrigins: readonly string[]
  /** `${baseUrl}/callback` */
  readonly redirectUri: string
  /** Where the browser lands when it asked for nowhere in particular: the first app origin. */
  readonly defaultReturnTo: string
  readonly loginParameters: readonly string[]
  readonly sessionMaxAgeMs: number
  /** Proxy upstreams by name. */
  readonly upstreams: ReadonlyMap<string, URL>
  readonly fetch: typeof fetch
  readonly now: () => number
  readonly logger: BffLogger
}
