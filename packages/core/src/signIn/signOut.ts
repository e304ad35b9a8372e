import { AuthErrorCode } from '../errors.ts'
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
  readonly endSession: (ending: TokenSet | undefined, landingUrl: string) => Promise<URL | undefined>
  readonly navigator: AuthNavigator
  readonly dispatch: (event: SnapshotEvent) => void
}

/**
 * Signs out in every tab first, then tells the server (revocation, RP-initiated logout): the local
 * sign-out happens even when the server cannot be reached.
 */
export async function signOut(deps: SignOutDeps, options: LogoutOptions): Promise<void> {
  const landing = new URL(toAppPath(options.returnTo ?? deps.landing, deps.appOrigin), deps.appOrigin).href
  const ending = deps.engine.current() ?? (await deps.sessions.read())
  await deps.sessions.clear()
  deps.engine.end('logout')
  let endSession: URL | undefined
  try {
    endSession = await deps.endSession(ending, landing)
  } catch (error) {
    // Signed out here all the same; say what the server did not hear.
    deps.dispatch({
      type: 'ended',
      reason: 'logout',
      error: toAuthError(error, AuthErrorCode.NetworkError, 'Revocation failed'),
    })
  }
  if (endSession && options.endSession !== false) await deps.navigator.assign(endSession.href)
  else if (options.returnTo !== undefined) await deps.navigator.assign(landing)
}
