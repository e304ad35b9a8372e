import { existsSync } from 'node:fs'
import { type Browser, chromium } from '@playwright/test'

/**
 * Chromium as playwright.config.ts launches it: Debian's where installed (never `playwright
 * install`), without the background requests that only slow each start on a closed network.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  return chromium.launch({
    executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
}
