import type { AuthNavigator } from '../navigation/authNavigator.ts'
import { toAppPath } from '../navigation/returnTo.ts'
import type { SessionEngine } from '../session/sessionEngine.ts'
import type { SessionStore } from '../session/sessionStore.ts'
import type { SnapshotEvent } from '../snapshot.ts'
import { toAuthError } from '../toAuthError.ts'
import type { TokenSet } from '../tokenSet.ts'
import type { LogoutOptions } from './signInTypes.ts'

export interface SignOutDeps {
  readonly appOrigin: string
  /** The app path to land on when the caller names none. */
  readonly landing: string
  readonly sessions: SessionStore
  readonly engine: Pick<SessionEngine, 'current' | 'end'>
  /** Revokes and says where the server's own session ends (the provider's `endSession`). */
  readonly endSession: (
    ending: TokenSet | undefined,
    landingUrl: string,
    hints: { readonly idTokenHint: boolean },
  ) => Promise<URL | undefined>
  readonly navigator: AuthNavigator
  readonly dispatch: (event: SnapshotEvent) => void
}

/**
 * Signs out in every tab first, then tells the server (revocation, RP-initiated logout): the local
 * sign-out happens even when the server cannot be reached, or the caller's `returnTo` is refused.
 */
export async function signOut(deps: SignOutDeps, options: LogoutOptions): Promise<void> {
  const ending = deps.engine.current() ?? (await deps.sessions.read().catch(() => undefined))
  await deps.sessions.clear()
  deps.engine.end('logout')
  // `${root}/` as the base: a native app's root (`com.example.app:`) is no base URL by itself.
  const landingUrl = (path: string) => new URL(toAppPath(path, deps.appOrigin), `${deps.appOrigin}/`).href
  let landing: string | undefined
  let refusedTarget: unknown
  try {
    landing = landingUrl(options.returnTo ?? deps.landing)
  } catch (error) {
    refusedTarget = error
  }
  let endSession: URL | undefined
  try {
    endSession = await deps.endSession(ending, landing ?? landingUrl(deps.landing), {
      idTokenHint: options.idTokenHint !== false,
    })
  } catch (error) {
    // Signed out here all the same; say what the server did not hear.
    deps.dispatch({
      type: 'ended',
      reason: 'logout',
      error: toAuthError(error, 'network_error', 'Revocation failed'),
    })
  }
  // Only now, signed out and revoked, is a bad target refused: nobody is sent there.
  if (refusedTarget) throw refusedTarget
  if (endSession && options.endSession !== false) await deps.navigator.assign(endSession.href)
  else if (options.returnTo !== undefined && landing) await deps.navigator.assign(landing)
}
