import { autoLoginCookie } from '@payauth/sandbox/autoLoginCookie'
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test'
import { sandboxOrigin } from '../playwright.config.ts'

/** Skips the sandbox's login form for tests that are not about it. */
export async function useAutoLogin(context: BrowserContext, username = 'alice'): Promise<void> {
  await context.addCookies([{ name: autoLoginCookie, value: username, url: sandboxOrigin }])
}

/** Taps on touch devices (the mobile project), clicks elsewhere. */
export async function press(target: Locator): Promise<void> {
  if (test.info().project.use.hasTouch) await target.tap()
  else await target.click()
}

/** Keys in payauth's IndexedDB database, read in the page as any script of the origin could. */
export function indexedDbKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('payauth')
        open.onerror = () => reject(open.error)
        open.onupgradeneeded = () => open.result.createObjectStore('tokens')
        open.onsuccess = () => {
          const request = open.result.transaction('tokens').objectStore('tokens').getAllKeys()
          request.onsuccess = () => {
            resolve(request.result.map(String))
            open.result.close()
          }
          request.onerror = () => reject(request.error)
        }
      }),
  )
}

/** Everything in localStorage and sessionStorage, which must never hold tokens or sign-in state. */
export function webStorageContents(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
}

/** Fills the sandbox's real login form. */
export async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
}

/**
 * Asks for the statements, which need a stronger sign-in, and takes the RFC 9470 step-up: the
 * notice, then the provider's login form with alice's PIN beside her password.
 */
export async function stepUpForStatements(page: Page): Promise<void> {
  await press(page.getByRole('button', { name: 'View statements' }))
  await expect(page.getByRole('alert', { name: 'Statements need a stronger sign-in' })).toBeVisible()
  await press(page.getByRole('button', { name: 'Confirm with your PIN' }))
  // The step-up asked for acr_values: the provider wants the PIN beside the password.
  await expect(page.getByLabel('PIN')).toBeVisible()
  await page.getByLabel('PIN').fill('1234')
  await signInWithForm(page, 'alice', 'alice-pass')
}

/** payauth's entries in IndexedDB for one client: the stored session and the DPoP key's thumbprint. */
export function storedSession(
  page: Page,
  clientId: string,
): Promise<{ accessToken: string; refreshToken: string; tokenType: string; keyThumbprint: string | null } | null> {
  return page.evaluate(async (clientId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('payauth')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const read = (key: string) =>
      new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('tokens').objectStore('tokens').get(key)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    const keys = await new Promise<string[]>((resolve, reject) => {
      const request = db.transaction('tokens').objectStore('tokens').getAllKeys()
      request.onsuccess = () => resolve(request.result.map(String))
      request.onerror = () => reject(request.error)
    })
    const prefix = keys.find((key) => key.endsWith(`:${clientId}:session`))?.slice(0, -':session'.length)
    if (!prefix) return null
    const session = (await read(`${prefix}:session`)) as {
      accessToken: string
      refreshToken: string
      tokenType: string
    }
    const keyPair = (await read(`${prefix}:dpopKey`)) as CryptoKeyPair | undefined
    let keyThumbprint: string | null = null
    if (keyPair) {
      // RFC 7638 thumbprint of the public key, computed here, independently of payauth.
      const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', keyPair.publicKey)
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ crv, kty, x, y })))
      keyThumbprint = btoa(String.fromCharCode(...new Uint8Array(digest)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')
    }
    db.close()
    return { ...session, keyThumbprint }
  }, clientId)
}

/** Signs in with the auto-login cookie set and waits until the home page shows the user. */
export async function signInQuickly(page: Page, context: BrowserContext, username = 'alice'): Promise<void> {
  await useAutoLogin(context, username)
  await page.goto('/')
  await press(page.getByRole('button', { name: 'Sign in', exact: true }))
  await page.getByTestId('user-name').waitFor()
}

/**
 * Presses "Sign out" and waits for the round trip through the server's end-session endpoint to
 * land back on the app's home page.
 */
export async function signOut(page: Page): Promise<void> {
  const home = `${new URL(page.url()).origin}/`
  // Wait from before the click: the round trip can be over before a later wait would start.
  const leftForLogout = page.waitForURL(/\/protocol\/openid-connect\/logout/)
  await press(page.getByRole('button', { name: 'Sign out' }))
  await leftForLogout
  await page.waitForURL(home)
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor()
}

/**
 * Walks the authorization redirects outside the page (routes do not see redirect hops, so the
 * first request is taken) and holds back the redirect to the app, as an attacker who rewrites it
 * would. Returns the callback URL the app would have received.
 */
export async function holdBackCallback(page: Page, authorize: RegExp, start: () => Promise<void>): Promise<string> {
  let callbackUrl = ''
  await page.route(authorize, async (route) => {
    callbackUrl = (await route.fetch()).url()
    await route.fulfill({ status: 204 })
  })
  await start()
  await expect.poll(() => callbackUrl).toContain('code=')
  await page.unroute(authorize)
  return callbackUrl
}
