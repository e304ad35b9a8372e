import { expect, type Locator, type Page } from '@playwright/test'
import { press } from './support.ts'

/** A request held at the network, as a slow server would hold it, until the test lets it go. */
export interface HeldRequest {
  /** Resolves once the page has sent the request. */
  readonly arrived: Promise<void>
  /** Lets the request through to the real server. */
  release(): void
}

/** Holds the page's next request to `url` until `release()`. */
export async function holdRequest(page: Page, url: RegExp | ((url: URL) => boolean)): Promise<HeldRequest> {
  let arrive = () => {}
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve
  })
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(
    url,
    async (route) => {
      arrive()
      await released
      await route.continue()
    },
    { times: 1 },
  )
  return { arrived, release: () => release() }
}

/** The header's list of pages, the menu opened first where the screen folds it away. */
export async function headerPages(page: Page): Promise<Locator> {
  const menu = page.getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) {
    await press(menu)
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
  }
  return page.getByRole('navigation', { name: 'Demo pages' })
}

/** Follows a link of the header's page list, as a user finds it on this screen. */
export async function openFromHeader(page: Page, name: string): Promise<void> {
  await press((await headerPages(page)).getByRole('link', { name, exact: true }))
}

/** Expects `button` to show its action under way: its pending text, busy, and not pressable. */
export async function expectPending(page: Page, pendingText: string): Promise<void> {
  const button = page.getByRole('button', { name: pendingText })
  await expect(button).toHaveAttribute('aria-busy', 'true')
  await expect(button).toBeDisabled()
}
