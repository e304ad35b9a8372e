import type { AuthClient, ClientOptions, PendingScaChallenge } from '@payauth/core'
import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import type { AppFixture, AppProcess, FakeBrowser } from './adapterFixtures.ts'
import { type TestClient, testClient } from './testClient.ts'
import { sandbox, setUpSandbox, storedSession } from './vitest.ts'

const fiveMinutes = 5 * 60_000

/**
 * A client of the sandbox in one run of the app, on the adapter's environment and a movable clock,
 * started as an app starts it: completing a sign-in that comes back, and restoring the session.
 */
async function appClient(fixture: AppFixture, app: AppProcess, clock: { offset: number }, extra: ClientOptions = {}) {
  const tab = testClient(sandbox, {
    ...(fixture.native ? { clientId: sandbox.paceNativeClientId } : {}),
    redirectUri: fixture.redirectUri,
    ...app.environment,
    now: () => Date.now() + clock.offset,
    ...extra,
  })
  app.completeRedirects(tab.client)
  await tab.client.start()
  return tab
}

/** The user in the browser the adapter opened: signs in, and the browser goes back to the app. */
async function userSignsIn(browser: FakeBrowser, before: number, redirectUri: string): Promise<string> {
  await expect.poll(() => browser.opened.length).toBeGreaterThan(before)
  return browseAuthorization(browser.opened.at(-1) ?? '', { username: 'alice', redirectUri })
}

function signedInAs(client: AuthClient): string | undefined {
  const snapshot = client.getSnapshot()
  return snapshot.status === 'signedIn' ? snapshot.session.user?.sub : undefined
}

function accessToken(client: AuthClient): string | undefined {
  const snapshot = client.getSnapshot()
  return snapshot.status === 'signedIn' ? snapshot.session.accessToken : undefined
}

/**
 * Signs alice in as the platform would: in the adapter's own window where it has one, else by
 * leaving for the server and coming back in a new run of the app (a web page's redirect).
 */
async function signIn(fixture: AppFixture, clock = { offset: 0 }, extra: ClientOptions = {}) {
  const app = fixture.launch()
  const tab = await appClient(fixture, app, clock, extra)
  const before = app.browser.opened.length
  if (app.environment.navigator.authenticate) {
    const signedIn = tab.client.loginWithPopup()
    await app.browser.redirect(await userSignsIn(app.browser, before, fixture.redirectUri))
    await signedIn
    return { app, tab, clock }
  }
  await tab.client.login()
  const back = fixture.launch(await userSignsIn(app.browser, before, fixture.redirectUri))
  const backTab = await appClient(fixture, back, clock, extra)
  await expect.poll(() => signedInAs(backTab.client)).toBe('alice')
  return { app: back, tab: backTab, clock }
}

/** Resolves once the snapshot shows an SCA challenge; the call that raised it keeps waiting. */
function nextChallenge(tab: TestClient): Promise<PendingScaChallenge> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = tab.client.getSnapshot()
      const challenge = snapshot.status === 'signedIn' ? snapshot.challenge : undefined
      if (challenge?.kind !== 'sca') return
      unsubscribe()
      resolve(challenge)
    }
    const unsubscribe = tab.client.subscribe(check)
    check()
  })
}

/** The core's sign-in, refresh and SCA flows, end to end against the sandbox, through one adapter. */
export function signInContract(name: string, setup: () => AppFixture): void {
  describe(`${name}: sign-in, refresh and SCA against the sandbox`, () => {
    setUpSandbox()

    it('signs in, and the session outlives the app', async () => {
      const fixture = setup()
      const { tab, clock } = await signIn(fixture)
      expect(signedInAs(tab.client)).toBe('alice')
      const later = await appClient(fixture, fixture.launch(), clock)
      expect(accessToken(later.client)).toBe(accessToken(tab.client))
      expect(later.tokenRequests()).toBe(0)
    })

    it('completes a sign-in that a run of the app killed meanwhile had started (cold start)', async () => {
      const fixture = setup()
      const clock = { offset: 0 }
      const first = fixture.launch()
      const gone = await appClient(fixture, first, clock)
      const before = first.browser.opened.length
      // Not awaited: a native auth session never returns to a process that was killed.
      gone.client.login().catch(() => {})
      const callback = await userSignsIn(first.browser, before, fixture.redirectUri)
      gone.client.dispose()
      const relaunched = await appClient(fixture, fixture.launch(callback), clock)
      await expect.poll(() => signedInAs(relaunched.client)).toBe('alice')
      expect(gone.tokenRequests()).toBe(0)
    })

    it('signs out at the server: the refresh token is revoked, and the next run of the app has none', async () => {
      const fixture = setup()
      const { app, tab, clock } = await signIn(fixture)
      const clientId = fixture.native ? sandbox.paceNativeClientId : sandbox.paceClientId
      const refreshToken = (await storedSession(app.environment.store, clientId))?.refreshToken
      if (!refreshToken) throw new Error('the session holds no refresh token')
      await tab.client.logout({ endSession: false })
      // No error: the revocation reached the server, whatever the app's root (an app scheme too).
      expect(tab.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'logout', error: undefined })
      const reuse = await fetch(`${sandbox.paceIssuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
      })
      expect(((await reuse.json()) as { error?: string }).error).toBe('invalid_grant')
      const later = await appClient(fixture, fixture.launch(), clock)
      expect(later.client.getSnapshot().status).toBe('signedOut')
    })

    it('refreshes when the app comes back to the foreground, and keeps the new tokens', async () => {
      const fixture = setup()
      const { app, tab, clock } = await signIn(fixture)
      const signedInWith = accessToken(tab.client)
      clock.offset += fiveMinutes
      app.wake()
      await expect.poll(() => tab.grants).toContain('refresh_token')
      await expect.poll(() => accessToken(tab.client)).not.toBe(signedInWith)
      const later = await appClient(fixture, fixture.launch(), clock)
      expect(accessToken(later.client)).toBe(accessToken(tab.client))
    })

    it('holds a transfer until the user passes SCA with a PIN, then sends it', async () => {
      const sca = paysafeSca({ verifier: partnerScaVerifier({ baseUrl: `${sandbox.origin}/partner` }) })
      const { tab } = await signIn(setup(), { offset: 0 }, { sca })
      const transfer = tab.client.fetch(`${sandbox.origin}/wallet/transfers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: '25.00', to: 'GB33BUKB20201555555555' }),
      })
      expect(await nextChallenge(tab)).toMatchObject({ authenticationMode: 'OUTSOURCED' })
      await tab.client.verifyChallenge({ method: 'PIN', value: '1234' })
      expect((await transfer).status).toBe(201)
    })
  })
}
