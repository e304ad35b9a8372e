// The one command that proves everything: type-check, lint, size budgets, unit + React tests
// (Vitest) and end-to-end tests in Chromium (Playwright). It ends with one line,
// "N passed, N failed, N skipped", summed over every suite; a failed check counts as a failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium, ensurePnpm, installDependencies } from './bootstrap.mjs'

const root = new URL('..', import.meta.url).pathname
const reports = `${root}.reports`

ensurePnpm()
installDependencies()
ensureChromium()

rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

function pnpmRun(args, env = {}) {
  const started = Date.now()
  const result = spawnSync('pnpm', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 }
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function check(name, args) {
  console.log(`\n=== ${name}`)
  const { ok, seconds } = pnpmRun(args)
  if (!ok) totals.failed++
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s)`)
}

/** Vitest's JSON report per workspace folder (packages/core, packages/react, apps/sandbox). */
function countBySuite(report) {
  const suites = {}
  for (const file of report.testResults) {
    const suite = file.name.slice(root.length).split('/').slice(0, 2).join('/')
    suites[suite] ??= { passed: 0, failed: 0, skipped: 0 }
    for (const test of file.assertionResults) {
      if (test.status === 'passed') suites[suite].passed++
      else if (test.status === 'failed') suites[suite].failed++
      else suites[suite].skipped++
    }
  }
  return suites
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

check('typecheck', ['typecheck'])
check('lint', ['lint'])
check('size budgets', ['size'])
check('packages (publint, attw)', ['check:packages'])
check('API reference (TypeDoc, 0 warnings)', ['docs:api'])

console.log('\n=== unit + React (vitest)')
const vitestRun = pnpmRun([
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${reports}/vitest.json`,
])
const vitest = readJson(`${reports}/vitest.json`)
if (vitest) {
  const skipped = vitest.numPendingTests + vitest.numTodoTests
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += skipped
  lines.push(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${skipped} skipped (${vitestRun.seconds.toFixed(1)} s)`,
  )
  for (const [suite, counts] of Object.entries(countBySuite(vitest))) {
    lines.push(`  ${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
}
if (!vitestRun.ok && (!vitest || vitest.numFailedTests === 0)) {
  totals.failed++
  lines.push('vitest: the run itself failed')
}

console.log('\n=== end to end (playwright, chromium)')
const e2eRun = pnpmRun(['exec', 'playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
})
const e2e = readJson(`${reports}/playwright.json`)
if (e2e) {
  const { expected, unexpected, flaky, skipped } = e2e.stats
  totals.passed += expected + flaky
  totals.failed += unexpected
  totals.skipped += skipped
  lines.push(
    `playwright: ${expected + flaky} passed (${flaky} flaky), ${unexpected} failed, ${skipped} skipped (${e2eRun.seconds.toFixed(1)} s)`,
  )
}
if (!e2eRun.ok && (!e2e || e2e.stats.unexpected === 0)) {
  totals.failed++
  lines.push('playwright: the run itself failed')
}

console.log('\n=== summary')
for (const line of lines) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1
