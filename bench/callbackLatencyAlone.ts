// `pnpm bench --only callback-latency [--rounds N]`: the callback latency alone, printed rather than
// written to BENCHMARKS.md (which needs every section), for checking a change to the sign-in path
// in a minute instead of the whole run's three.
import { startBenchPages } from './benchPages.ts'
import { buildPages } from './browser/buildPages.ts'
import { measureCallbackLatency } from './callbackLatency.ts'
import { launchChromium } from './chromium.ts'
import { type PageName, sandboxPorts } from './ports.ts'
import { pageLabels } from './report/labels.ts'
import { startSandboxProcess } from './servers/sandboxProcess.ts'
import { median, quantile } from './stats.ts'

export async function measureCallbackLatencyAlone(options: {
  readonly pages: readonly PageName[]
  readonly appOrigins: readonly string[]
  readonly clientId: string
  readonly warmUpRounds: number
  readonly rounds: number
  readonly progress: (line: string) => void
}): Promise<void> {
  const sandbox = await startSandboxProcess({
    port: sandboxPorts.signIn,
    appOrigins: options.appOrigins,
    accessTokenTtl: 3_600,
  })
  const browser = await launchChromium()
  let pages: { close(): Promise<void> } | undefined
  try {
    pages = await startBenchPages(await buildPages(), { issuer: sandbox.issuer, clientId: options.clientId })
    const samples = await measureCallbackLatency(browser, options.pages, { sandboxOrigin: sandbox.origin, ...options })
    for (const [page, { callbackMs }] of samples) {
      const figures = [median(callbackMs), quantile(callbackMs, 0.25), quantile(callbackMs, 0.75)].map((value) =>
        value.toFixed(1),
      )
      options.progress(
        `${pageLabels[page]}: median ${figures[0]} ms, p25 ${figures[1]}, p75 ${figures[2]} (${callbackMs.length} samples)`,
      )
    }
  } finally {
    await pages?.close()
    await browser.close()
    await sandbox.stop()
  }
}
