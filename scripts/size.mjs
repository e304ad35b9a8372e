// Builds @payauth/core and @payauth/react, bundles each as an app would (minified, tree-shaken),
// prints min+gzip sizes and fails when a budget is exceeded. Run: pnpm size
import { execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

const budgets = [
  {
    name: '@payauth/core (with oauth4webapi + idb-keyval)',
    entry: 'packages/core/dist/index.js',
    external: [],
    maxGzipBytes: 21_000,
  },
  {
    name: '@payauth/core (own code only)',
    entry: 'packages/core/dist/index.js',
    external: ['oauth4webapi', 'idb-keyval'],
    maxGzipBytes: 13_000,
  },
  {
    name: '@payauth/react (core and React external)',
    entry: 'packages/react/dist/index.js',
    external: [/^react/, /^@payauth\//],
    maxGzipBytes: 3_000,
  },
]

execFileSync('pnpm', ['--filter', './packages/*', 'build'], { stdio: 'inherit' })

let overBudget = false
for (const budget of budgets) {
  const bundle = await rolldown({ input: budget.entry, external: budget.external, logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'esm', minify: true })
  await bundle.close()
  const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('')
  const minified = Buffer.byteLength(code)
  const gzipped = gzipSync(code, { level: 9 }).length
  const verdict = gzipped <= budget.maxGzipBytes ? 'ok' : 'OVER BUDGET'
  if (gzipped > budget.maxGzipBytes) overBudget = true
  console.log(
    `${budget.name}: ${(minified / 1024).toFixed(1)} KiB min, ${(gzipped / 1024).toFixed(2)} KiB min+gzip ` +
      `(budget ${(budget.maxGzipBytes / 1024).toFixed(2)} KiB) ${verdict}`,
  )
}
process.exitCode = overBudget ? 1 : 0
