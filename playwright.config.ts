import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/** Ports of their own, so the e2e servers never collide with a running `pnpm demo`. */
const sandboxPort = 9410
const demoPort = 5183
export const demoOrigin = `http://127.0.0.1:${demoPort}`
export const sandboxOrigin = `http://127.0.0.1:${sandboxPort}`
export const accessTokenTtlSeconds = 5
export const scaResendCooldownSeconds = 2

// Debian's Chromium where it is installed (CI, these machines); Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const launchOptions = {
  executablePath,
  // The machines' network is closed; background requests only slow every start down.
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: demoOrigin,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions } },
  ],
  webServer: [
    {
      command: 'pnpm --filter @payauth/sandbox start',
      url: `${sandboxOrigin}/healthz`,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_APP_ORIGINS: demoOrigin,
        // Short enough that every test lives through several refreshes.
        SANDBOX_ACCESS_TOKEN_TTL: String(accessTokenTtlSeconds),
        SANDBOX_SCA_RESEND_COOLDOWN: String(scaResendCooldownSeconds),
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A production build, as users ship it; the dev server's on-demand bundling would add noise.
      command: `pnpm --filter @payauth/demo build && pnpm --dir apps/demo exec vite preview --port ${demoPort} --strictPort`,
      url: demoOrigin,
      env: { VITE_PAYAUTH_ISSUER: `${sandboxOrigin}/auth/realms/pace` },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
