// pnpm bench: payauth and its peers measured on the same machine in one run, written to
// BENCHMARKS.md (with its charts in bench/results/). Robust on a loaded 2-core machine: warm-up
// runs, interleaved samples and medians; it never fails on a time, only when a measurement
// could not be made at all (then the report says which, and the exit code is 1).
// `--only callback-latency [--rounds N]` measures the callback latency alone and only prints it.
import { mkdirSync, writeFileSync } from 'node:fs'
import { startBenchPages } from './benchPages.ts'
import { runBffBenchIfPresent } from './bffHook.ts'
import { buildPages } from './browser/buildPages.ts'
import { auth0ReactAloneWhole, measureBundleSizes } from './bundleSizes.ts'
import { measureCachedReads } from './cachedReads.ts'
import { measureCallbackLatency } from './callbackLatency.ts'
import { measureCallbackLatencyAlone } from './callbackLatencyAlone.ts'
import { launchChromium } from './chromium.ts'
import { describeMachine } from './machine.ts'
import { type PageName, pageNames, pageOrigin, sandboxPorts } from './ports.ts'
import { type HerdResult, measureRefreshHerd } from './refreshHerd.ts'
import { type BenchResults, benchmarksMarkdown, type Outcome } from './report/benchmarksMarkdown.ts'
import { bundleSizeChart, callbackLatencyChart } from './report/charts.ts'
import { startSandboxProcess } from './servers/sandboxProcess.ts'
import { measureSessionEngine } from './sessionBench.ts'

const herdShape = { tabs: 5, callers: 20, expiries: 3 }
const herdTokenTtlSeconds = 5
const herdRuns = 3
const callbackRounds = { warmUpRounds: 2, rounds: 41 }
const latencyPages: PageName[] = ['oauth4webapi', 'payauth', 'oidcClientTsShared']
const readRounds = 3
const clientId = 'demo-spa'

const root = new URL('..', import.meta.url)
const started = performance.now()
const progress = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`)
let failed = false
// Ending through process.exit runs the 'exit' hooks that stop the sandboxes this run started.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code))

async function attempt<T>(name: string, measure: () => Promise<T>): Promise<Outcome<T>> {
  progress(`${name}…`)
  try {
    return { ok: true, value: await measure() }
  } catch (error) {
    failed = true
    progress(`  ${name} could not be measured: ${String(error)}`)
    return { ok: false, error: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '' }
  }
}

/** The value after `--name` on the command line, if given. */
function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}
const only = flag('only')
if (only !== undefined && only !== 'callback-latency') throw new Error(`--only takes callback-latency, not ${only}`)
if (only === 'callback-latency') {
  const rounds = Number(flag('rounds') ?? callbackRounds.rounds)
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number of rounds')
  progress(`callback latency alone, ${rounds} interleaved rounds after ${callbackRounds.warmUpRounds} warm-up`)
  await measureCallbackLatencyAlone({
    pages: latencyPages,
    appOrigins: pageNames.map(pageOrigin),
    clientId,
    warmUpRounds: callbackRounds.warmUpRounds,
    rounds,
    progress,
  })
  process.exit(0)
}

const sizes = await attempt('bundle sizes (rolldown, min + gzip -9)', async () => ({
  rows: await measureBundleSizes(progress),
  auth0ReactAloneWhole: await auth0ReactAloneWhole(),
}))
const session = await attempt('payauth session engine in Node (sessionBench)', () => measureSessionEngine(progress))

const appOrigins = pageNames.map(pageOrigin)
const [herdSandbox, signInSandbox] = await Promise.all([
  startSandboxProcess({ port: sandboxPorts.herd, appOrigins, accessTokenTtl: herdTokenTtlSeconds }),
  startSandboxProcess({ port: sandboxPorts.signIn, appOrigins, accessTokenTtl: 3_600 }),
])
const browser = await launchChromium()
const chromiumVersion = browser.version()
let callback: BenchResults['callback']
let reads: BenchResults['reads']
let herd: BenchResults['herd']
let pages: { close(): Promise<void> } | undefined
try {
  const bundles = await buildPages()
  pages = await startBenchPages(bundles, { issuer: signInSandbox.issuer, clientId })
  callback = await attempt(
    `callback latency, ${callbackRounds.rounds} interleaved rounds after ${callbackRounds.warmUpRounds} warm-up`,
    () =>
      measureCallbackLatency(browser, latencyPages, {
        sandboxOrigin: signInSandbox.origin,
        ...callbackRounds,
        progress,
      }),
  )
  reads = await attempt('cached token reads in Chromium', () =>
    measureCachedReads(browser, ['payauth', 'oidcClientTsShared'], {
      sandboxOrigin: signInSandbox.origin,
      rounds: readRounds,
    }),
  )
  await pages.close()
  pages = undefined
  pages = await startBenchPages(bundles, { issuer: herdSandbox.issuer, clientId })
  const herdPages: PageName[] = ['payauth', 'oidcClientTsShared', 'oidcClientTsPerTab']
  herd = await attempt(
    `refresh herd, ${herdShape.tabs} tabs × ${herdShape.callers} callers × ${herdShape.expiries} expiries of ${herdTokenTtlSeconds}-s tokens`,
    async () => {
      // Whether two tabs' timers collide is a matter of timing, so each library runs several times,
      // taking turns with the others.
      const runs = new Map(herdPages.map((page) => [page, [] as HerdResult[]]))
      for (let run = 1; run <= herdRuns; run++) {
        for (const page of herdPages) {
          const result = await measureRefreshHerd(browser, page, herdShape, herdSandbox.origin)
          progress(
            `  run ${run}/${herdRuns}, ${page}: ${result.refreshRequests} refresh requests, ${result.reusedRefreshTokens} reused, ${result.tabsSignedOut} tab(s) signed out`,
          )
          runs.get(page)?.push(result)
        }
      }
      return { shape: herdShape, tokenTtlSeconds: herdTokenTtlSeconds, runs }
    },
  )
} finally {
  await pages?.close()
  await browser.close()
  await Promise.all([herdSandbox.stop(), signInSandbox.stop()])
}

progress('BFF token route (bench/bffBench.ts, when present)…')
const bff = await runBffBenchIfPresent(progress)
if (bff.status === 'failed') failed = true

const results: BenchResults = {
  machine: describeMachine(chromiumVersion),
  sizes,
  session,
  callback: callback ?? { ok: false, error: 'not reached' },
  callbackRounds,
  reads: reads ?? { ok: false, error: 'not reached' },
  herd: herd ?? { ok: false, error: 'not reached' },
  bff,
  wallSeconds: (performance.now() - started) / 1000,
}
mkdirSync(new URL('bench/results/', root), { recursive: true })
if (sizes.ok) writeFileSync(new URL('bench/results/bundle-size.svg', root), bundleSizeChart(sizes.value.rows))
if (results.callback.ok) {
  writeFileSync(new URL('bench/results/callback-latency.svg', root), callbackLatencyChart(results.callback.value))
}
writeFileSync(new URL('BENCHMARKS.md', root), benchmarksMarkdown(results))
progress(`wrote BENCHMARKS.md in ${results.wallSeconds.toFixed(0)} s${failed ? ' (some measurements failed)' : ''}`)
process.exitCode = failed ? 1 : 0
