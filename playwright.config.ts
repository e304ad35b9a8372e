import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { freePort } from './scripts/redis.mjs'

/**
 * Ports of their own, so the e2e servers never collide with a running `pnpm demo`. Two checkouts on
 * one machine run side by side with PAYAUTH_E2E_PORT_OFFSET=100 (200, …) in one of them: away from
 * CI the servers are reused, so two runs on the same ports would test each other's code.
 */
const portOffset = Number(process.env.PAYAUTH_E2E_PORT_OFFSET ?? 0)
const sandboxPort = 9410 + portOffset
const demoPort = 5183 + portOffset
const backendPort = 9420 + portOffset
/** A second app origin, whose backend runs as two instances sharing one Redis behind a round-robin front. */
const twinFrontPort = 5184 + portOffset
const twinBackendPorts = { a: 9421 + portOffset, b: 9422 + portOffset }
export const demoOrigin = `http://127.0.0.1:${demoPort}`
export const sandboxOrigin = `http://127.0.0.1:${sandboxPort}`
export const twinOrigin = `http://127.0.0.1:${twinFrontPort}`
export const accessTokenTtlSeconds = 5
export const scaResendCooldownSeconds = 2
/**
 * The backends' session key in the e2e run (a test value, never used elsewhere). The tests open
 * session cookies with it to learn the refresh token they must never find in the browser.
 */
export const e2eSessionKey = 'FQ3Wzf7Pr3gBcMGYyCOXVtHYJsoEN0uA5N_H6GKEijI'

// Debian's Chromium where it is installed (CI, these machines); Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const launchOptions = {
  executablePath,
  // The machines' network is closed; background requests only slow every start down.
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
}

// Picked once by the runner; its workers load this file again and inherit the choice.
process.env.PAYAUTH_E2E_REDIS_PORT ??= String(await freePort())
const redisPort = Number(process.env.PAYAUTH_E2E_REDIS_PORT)

/** Where the demo backend's instances find the sandbox and their session key. */
const backendEnv = {
  BACKEND_SANDBOX_ORIGIN: sandboxOrigin,
  BACKEND_SESSION_KEYS: e2eSessionKey,
}

/**
 * One instance of the backend, served on `BACKEND_APP_ORIGIN` through a proxy in front of it.
 * Instances on Redis are never reused: the Redis they would know is not this run's.
 */
function backendServer(port: number, env: Record<string, string>) {
  return {
    command: 'pnpm --filter @payauth/demo-backend start',
    url: `http://127.0.0.1:${port}/healthz`,
    env: { ...backendEnv, BACKEND_PORT: String(port), ...env },
    reuseExistingServer: !process.env.CI && !env.REDIS_URL,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  }
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    // CSS pixels, no animations or caret; a little leeway for anti-aliasing, none for layout.
    toHaveScreenshot: { scale: 'css', animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 },
  },
  // One readable folder of baselines. No platform suffix: CI runs on these machines' image, with Debian's Chromium.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  reporter: [['list']],
  use: {
    baseURL: demoOrigin,
    trace: 'retain-on-failure',
  },
  projects: [
    // The phone layout's screenshots are the mobile project's alone.
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: 'demoMobile.spec.ts' },
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions } },
  ],
  // Started one after another, in this order.
  webServer: [
    {
      command: 'pnpm --filter @payauth/sandbox start',
      url: `${sandboxOrigin}/healthz`,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_APP_ORIGINS: `${demoOrigin},${twinOrigin}`,
        // Short enough that every test lives through several refreshes.
        SANDBOX_ACCESS_TOKEN_TTL: String(accessTokenTtlSeconds),
        SANDBOX_SCA_RESEND_COOLDOWN: String(scaResendCooldownSeconds),
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // The demo's backend as `npm run demo` runs it: one instance, sessions in encrypted cookies.
    backendServer(backendPort, { BACKEND_APP_ORIGIN: demoOrigin, BACKEND_INSTANCE: 'solo' }),
    {
      // A production build, as users ship it; the dev server's on-demand bundling would add noise.
      command: `pnpm --filter @payauth/demo build && pnpm --dir apps/demo exec vite preview --port ${demoPort} --strictPort`,
      url: demoOrigin,
      env: {
        VITE_PAYAUTH_ISSUER: `${sandboxOrigin}/auth/realms/pace`,
        PAYAUTH_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A real redis-server, installed first when missing (scripts/bootstrap.mjs ensureRedis()).
      command: `node scripts/redisServer.mjs ${redisPort}`,
      port: redisPort,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...Object.entries(twinBackendPorts).map(([instance, port]) =>
      backendServer(port, {
        BACKEND_APP_ORIGIN: twinOrigin,
        BACKEND_INSTANCE: instance,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      }),
    ),
    {
      command: 'pnpm exec tsx e2e/servers/roundRobinFront.ts',
      url: twinOrigin,
      env: {
        FRONT_PORT: String(twinFrontPort),
        FRONT_SPA_ORIGIN: demoOrigin,
        FRONT_BACKENDS: Object.values(twinBackendPorts)
          .map((port) => `http://127.0.0.1:${port}`)
          .join(','),
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
