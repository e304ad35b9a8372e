import type { AuthClientOptions } from './authClientTypes.ts'
import { authError } from './errors.ts'
import { appRoot } from './navigation/appRoot.ts'
import type { AuthNavigator } from './navigation/authNavigator.ts'
import { defaultNavigator } from './navigation/defaultNavigator.ts'
import { toAppPath } from './navigation/returnTo.ts'
import type { FetchLike } from './oauth/httpOptions.ts'
import { requireRedirectUri } from './oauth/redirectUri.ts'
import { requireSecureUrl } from './oauth/secureUrl.ts'
import type { AuthLock } from './session/authLock.ts'
import { type ClientNamespace, clientNamespace } from './session/clientNamespace.ts'
import { defaultLock } from './session/defaultLock.ts'
import { broadcastSessionChannel, type SessionChannel } from './session/sessionChannel.ts'
import { browserWakeEvents, type WakeEvents } from './session/wakeEvents.ts'
import { defaultTokenStore } from './storage/defaultTokenStore.ts'
import { guardStore } from './storage/guardStore.ts'
import type { TokenStore } from './storage/tokenStore.ts'

/** A client's options, checked, with the browser defaults filled in. */
export interface ClientEnvironment {
  readonly clientId: string
  /** The validated redirect URI; empty with `backend()`, whose own callback completes sign-ins. */
  readonly redirectUri: string
  /** The app's origin (or a native app's scheme), which `returnTo` paths are confined to. */
  readonly appOrigin: string
  readonly postLogoutRedirectUri: string
  readonly scope: readonly string[]
  readonly names: ClientNamespace
  readonly store: TokenStore
  readonly navigator: AuthNavigator
  readonly now: () => number
  readonly lock: AuthLock
  readonly channel: SessionChannel
  readonly wakeEvents: WakeEvents
  readonly fetch: FetchLike
  /** Where `auth.fetch` may send the token: the app's origin and the configured resource origins. */
  readonly resourceOrigins: ReadonlySet<string>
}

/** Refuses options that cannot work (a typed `invalid_config` or `insecure_url`), then fills in the defaults. */
export function clientEnvironment<KnownScope extends string, Scope extends string>(
  options: AuthClientOptions<KnownScope, Scope>,
): ClientEnvironment {
  const issuer = requireSecureUrl(options.provider.issuer, 'issuer')
  // A backend keeps the registration, and sits on the app's origin; a public client names both.
  const viaBackend = (options.provider as { readonly backend?: boolean }).backend === true
  const redirectUri = viaBackend ? '' : requireRedirectUri(options.redirectUri ?? '').href
  const clientId = viaBackend ? 'backend' : options.clientId
  if (typeof clientId !== 'string' || clientId === '') {
    throw authError('invalid_config', 'clientId is required', { clientId })
  }
  const appOrigin = appRoot(new URL(redirectUri || issuer))
  const names = clientNamespace(issuer.href, clientId)
  return {
    clientId,
    redirectUri,
    appOrigin,
    postLogoutRedirectUri: toAppPath(options.postLogoutRedirectUri ?? '/', appOrigin),
    scope: options.scope ?? ['openid'],
    names,
    store: guardStore(options.store ?? defaultTokenStore()),
    navigator: options.navigator ?? defaultNavigator(),
    now: options.now ?? Date.now,
    lock: options.lock ?? defaultLock(),
    channel: options.channel ?? broadcastSessionChannel(names.channel),
    wakeEvents: options.wakeEvents ?? browserWakeEvents,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    resourceOrigins: new Set([
      appOrigin,
      ...(options.resourceOrigins ?? []).map((origin) => requireSecureUrl(origin, 'resourceOrigins').origin),
    ]),
  }
}
