import type { AuthNavigator } from '../navigation/authNavigator.ts'
import type { FetchLike, HttpOptions } from '../oauth/httpOptions.ts'
import type { ProtocolClient } from '../oauth/protocolClient.ts'
import type { ProtocolFeatures } from '../oauth/protocolFeatures.ts'
import type { AuthLock } from '../session/authLock.ts'
import type { ClientNamespace } from '../session/clientNamespace.ts'
import type { SessionStore } from '../session/sessionStore.ts'
import type { TokenSource } from '../session/tokenSource.ts'
import type { SignedIn, SignInRequest } from '../signIn/signInTypes.ts'
import type { TokenStore } from '../storage/tokenStore.ts'
import type { TokenSet } from '../tokenSet.ts'

/**
 * What a provider gives the client: how users sign in and out, and where tokens are renewed.
 * The session engine, the snapshot and the store stay the client's.
 */
export interface Connection {
  readonly source: TokenSource
  /** Prepares a sign-in and remembers it under its `state`: where to send the user, and that state. */
  authorize(request: SignInRequest): Promise<{ readonly url: URL; readonly state: string }>
  /** Completes the sign-in `url` returns from (its `state` given); the caller stores the tokens. */
  completeCallback(url: URL, state: string): Promise<SignedIn>
  /**
   * Tells the server the session is over (revocation) and gives the URL that ends the server's
   * own session, when there is one. Rejects when the server could not be told.
   */
  endSession(
    ending: TokenSet | undefined,
    landingUrl: string,
    hints: { readonly idTokenHint: boolean },
  ): Promise<URL | undefined>
  /**
   * Settles sign-ins started earlier: deletes those that can no longer complete, and rejects with
   * one that failed away from this page (`backend()`'s), which the snapshot then shows.
   */
  settleSignIns(): Promise<void>
  /** HTTP options for resource requests with `tokens` (DPoP-signed when they are DPoP-bound). */
  resourceHttp(tokens: TokenSet | undefined): Promise<HttpOptions>
  /** The protocol client, for features that make requests of their own (token exchange). */
  readonly protocol?: ProtocolClient
}

/** Everything the client hands a provider when it connects. */
export interface ConnectionContext {
  readonly clientId: string
  /** The validated redirect URI. */
  readonly redirectUri: string
  /** The client's `scope` option (`['openid']` by default). */
  readonly scope: readonly string[]
  readonly fetch: FetchLike
  readonly now: () => number
  readonly navigator: AuthNavigator
  readonly sessions: SessionStore
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly names: ClientNamespace
  readonly features: ProtocolFeatures
}
