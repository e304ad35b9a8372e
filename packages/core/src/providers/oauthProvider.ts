import type { Connection, ConnectionContext } from './connection.ts'

/**
 * How a client reaches the users' sign-in: an authorization server straight from the browser
 * (`pace()`, `oidc()`, `oauth20()`), or the app's own backend (`backend()`). Build one with a preset.
 *
 * `KnownScope` lists the scopes the provider documents. A scope in one of their namespaces
 * (`payment:` for PACE) must be one of them, so a typo fails to compile; scopes outside those
 * namespaces pass unchecked.
 */
export interface OAuthProvider<KnownScope extends string = string> {
  /** Short name for messages, e.g. `pace`. */
  readonly name: string
  /** The issuer identifier (or the backend's URL); sessions are kept apart by it. */
  readonly issuer: string
  /** How scopes are joined on the wire; RFC 6749 says a space. */
  readonly scopeSeparator?: string
  /** @internal Connects a client: sign-in, callback, renewal and logout for this provider. */
  readonly connect: (context: ConnectionContext) => Connection
  /** Type-level only, never set: carries `KnownScope` to `createAuthClient`. */
  readonly knownScope?: KnownScope
}

type Namespace<Scope extends string> = Scope extends `${infer Prefix}:${string}` ? Prefix : never

/**
 * `Scope` itself, unless it claims a documented namespace without being a documented scope: then
 * the documented ones, which makes the typo a compile error that lists the valid choices.
 */
export type CheckedScope<KnownScope extends string, Scope extends string> = string extends KnownScope
  ? Scope
  : Scope extends `${Namespace<KnownScope>}:${string}`
    ? KnownScope
    : Scope
