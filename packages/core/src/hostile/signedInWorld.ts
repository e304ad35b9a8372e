import { vi } from 'vitest'
import { createAuthClient } from '../authClient.ts'
import type { AuthClient, ClientOptions, LoginOptions } from '../authClientTypes.ts'
import { legacyImplicit } from '../implicit/legacyImplicit.ts'
import { oauth20 } from '../oauth20/oauth20.ts'
import { pace } from '../providers/pace.ts'
import { clientNamespace } from '../session/clientNamespace.ts'
import { memoryLock } from '../session/memoryLock.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import { type RecordingNavigator, recordingNavigator } from '../testing.ts'
import type { Outcome } from './hostileCase.ts'
import {
  apiOrigin,
  bankOrigin,
  clientId,
  issuer,
  redirectUri,
  type ScriptedServer,
  scriptedServer,
} from './scriptedServer.ts'

export interface Tab {
  readonly auth: AuthClient
  readonly navigator: RecordingNavigator
}

export interface WorldOptions extends ClientOptions {
  /** `implicit`: the oauth20 bank API with the legacy implicit flow; PACE's realm otherwise. */
  readonly flavour?: 'pace' | 'implicit'
}

const minute = 60_000

/**
 * One browser signed in to the scripted server through the real client: the store, lock and clock
 * its tabs share. `tab()` opens another page of the same browser (a reload, a second tab).
 */
export async function signedInWorld(options: WorldOptions = {}) {
  const { flavour = 'pace', ...clientOptions } = options
  const server = scriptedServer()
  const store = memoryTokenStore()
  const lock = memoryLock()
  const clock = { now: Date.now() }
  const provider =
    flavour === 'implicit'
      ? oauth20({ baseUrl: bankOrigin, legacyImplicit: quietly(legacyImplicit) })
      : pace({ issuer })
  const names = clientNamespace(new URL(provider.issuer).href, clientId)
  const tabs: AuthClient[] = []

  function tab(overrides: ClientOptions = {}): Tab {
    const navigator = recordingNavigator(`${redirectUri.replace('/callback', '/wallet')}`)
    const auth = createAuthClient({
      provider,
      clientId,
      redirectUri,
      scope: ['openid', 'profile'],
      navigator,
      store,
      lock,
      channel: { post() {}, subscribe: () => () => {} },
      wakeEvents: () => () => {},
      now: () => clock.now,
      fetch: server.fetch,
      resourceOrigins: [apiOrigin],
      ...clientOptions,
      ...overrides,
    })
    tabs.push(auth)
    return { auth, navigator }
  }

  /** Starts a sign-in in `page`; the callback URL the honest server would send back. */
  async function pendingSignIn(page: Tab, login: LoginOptions = {}) {
    const intent = flavour === 'implicit' ? { intent: { id: 'intent-1', type: 'payments' as const } } : {}
    await page.auth.login({ ...intent, ...login })
    const authorization = page.navigator.assigned.at(-1) ?? ''
    const callback = server.callbackFor(authorization)
    return { authorization, callback, state: new URL(authorization).searchParams.get('state') ?? '' }
  }

  /** What `run` did to `page`: thrown and shown errors, and whether it is still signed in with a stored session. */
  async function outcome(page: Tab, run: () => Promise<unknown>): Promise<Outcome> {
    const thrown = await run().then(
      () => undefined,
      (reason: unknown) => reason ?? new Error('rejected with nothing'),
    )
    const snapshot = page.auth.getSnapshot()
    const shown = snapshot.status === 'loading' ? undefined : snapshot.error
    const challenge = snapshot.status === 'signedIn' ? snapshot.challenge : undefined
    const stored = (await store.get(names.sessionKey)) !== undefined
    return { thrown, shown, challenge, sessionKept: snapshot.status === 'signedIn' && stored }
  }

  const first = tab()
  await first.auth.start()
  await first.auth.handleCallback((await pendingSignIn(first)).callback)

  return {
    ...first,
    server,
    store,
    names,
    clock,
    tab,
    pendingSignIn,
    outcome,
    /** Moves this browser's clock on, e.g. past the access token's hour. */
    advance(minutes: number) {
      clock.now += minutes * minute
    },
    dispose() {
      for (const auth of tabs) auth.dispose()
    },
  }
}

export type World = Awaited<ReturnType<typeof signedInWorld>>
export type { ScriptedServer }

/** The implicit flow warns that it is legacy, once per call: not news in these tests. */
function quietly<T>(make: () => T): T {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    return make()
  } finally {
    warn.mockRestore()
  }
}
