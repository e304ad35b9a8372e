import { vi } from 'vitest'
import type { FakeBrowser } from './adapterFixtures.ts'

/** A popup `window.open` returned. */
export interface FakePopup {
  /** Where the popup is: `about:blank` until the opener sends it somewhere. */
  readonly url: string
  readonly location: { href: string }
  closed: boolean
  close(): void
}

/**
 * The browser around the core's defaults, replaced at the globals they read (`window`, `document`):
 * the page's URL and history, `window.open`, and the events wake-ups listen to. Installed with
 * `vi.stubGlobal`; the test file undoes it with `vi.unstubAllGlobals()`.
 */
export interface FakeWindow {
  /** URLs the page left for (`location.assign`) or opened a popup at, oldest first. */
  readonly opened: string[]
  readonly popups: FakePopup[]
  /** A new page load at `url`. */
  load(url: string): void
  /** The page becomes visible or hidden (`visibilitychange`). */
  show(visibility: 'visible' | 'hidden'): void
}

/** Installs a fake browser page at `url`. */
export function installFakeWindow(url: string): FakeWindow {
  const windowEvents = new EventTarget()
  const documentEvents = new EventTarget()
  const opened: string[] = []
  const popups: FakePopup[] = []
  const location = {
    href: url,
    get origin() {
      return new URL(location.href).origin
    },
    assign(target: string) {
      opened.push(target)
    },
  }
  const document = {
    visibilityState: 'visible' as 'visible' | 'hidden',
    addEventListener: documentEvents.addEventListener.bind(documentEvents),
    removeEventListener: documentEvents.removeEventListener.bind(documentEvents),
  }
  vi.stubGlobal('window', {
    location,
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, target: string) {
        location.href = new URL(target, location.href).href
      },
    },
    open(target: string) {
      // As browsers do: a popup opened blank (within the click) and sent on later counts where it goes.
      let href = target
      if (target !== 'about:blank') opened.push(target)
      const popup: FakePopup = {
        get url() {
          return href
        },
        location: {
          get href() {
            return href
          },
          set href(next: string) {
            href = next
            opened.push(next)
          },
        },
        closed: false,
        close() {
          popup.closed = true
        },
      }
      popups.push(popup)
      return popup
    },
    opener: null,
    close() {},
    addEventListener: windowEvents.addEventListener.bind(windowEvents),
    removeEventListener: windowEvents.removeEventListener.bind(windowEvents),
  })
  vi.stubGlobal('document', document)
  return {
    opened,
    popups,
    load(target) {
      location.href = target
    },
    show(visibility) {
      document.visibilityState = visibility
      documentEvents.dispatchEvent(new Event('visibilitychange'))
    },
  }
}

/** The page's browser as the contracts drive it: redirects land the page (or a popup's relay). */
export function browserOfWindow(
  page: FakeWindow,
  redirect: (url: string) => void,
  close: () => Promise<void> = async () => {},
): FakeBrowser {
  return { opened: page.opened, redirect: async (url) => redirect(url), close }
}
