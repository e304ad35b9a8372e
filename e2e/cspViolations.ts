import { test as base, expect } from '@playwright/test'

/** One thing the browser refused under a page's Content-Security-Policy or Trusted Types. */
export interface CspViolation {
  /** How it was seen: the page's `securitypolicyviolation` event, or Chromium's console. */
  readonly seenIn: 'event' | 'console'
  /** The directive that refused it (`script-src-elem`, `require-trusted-types-for`…); empty from the console. */
  readonly directive: string
  /** What was refused: a URL, `inline`, `eval`, `trusted-types-sink`… or the console's message. */
  readonly blocked: string
  /** The start of the refused code, where the browser reports one. */
  readonly sample: string
  /** The page it happened on, without query or fragment (a callback's carry the code). */
  readonly page: string
}

/** The name of the page-side function the init script reports through. */
const reportBinding = '__payauthReportCspViolation'
/** Chromium's console lines for CSP and Trusted Types refusals, which the event may not cover (workers). */
const consoleRefusal = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i

/**
 * Playwright's `test`, with every page of every test watched for CSP and Trusted Types
 * violations: a test fails when the browser refused anything, whatever else it checked. A test
 * that provokes violations on purpose reads them from `cspViolations` and empties it (`splice(0)`).
 */
export const test = base.extend<{ cspViolations: CspViolation[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: CspViolation[] = []
      await context.exposeBinding(reportBinding, (_source, violation: CspViolation) => {
        violations.push(violation)
      })
      await context.addInitScript((binding) => {
        const report = (window as unknown as Record<string, (violation: CspViolation) => void>)[binding]
        document.addEventListener(
          'securitypolicyviolation',
          (event) =>
            report?.({
              seenIn: 'event',
              directive: event.effectiveDirective,
              blocked: event.blockedURI,
              sample: event.sample,
              page: `${location.origin}${location.pathname}`,
            }),
          { capture: true },
        )
      }, reportBinding)
      context.on('console', (message) => {
        if (message.type() !== 'error' || !consoleRefusal.test(message.text())) return
        const { url } = message.location()
        violations.push({
          seenIn: 'console',
          directive: '',
          blocked: message.text(),
          sample: '',
          page: url ? new URL(url).origin + new URL(url).pathname : '',
        })
      })
      await use(violations)
      expect(violations, 'CSP or Trusted Types violations').toEqual([])
    },
    { auto: true },
  ],
})
