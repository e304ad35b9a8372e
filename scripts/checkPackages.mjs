// pnpm check:packages: packs every publishable package as npm would ship it (pnpm applies
// publishConfig), then lints the tarball's package.json and files with publint and checks that its
// types resolve for ESM consumers with @arethetypeswrong/cli (the ESM-only profile: payauth ships
// ES modules only). Exits 1 on any error.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const packagesDir = join(root, 'packages')
const scratch = mkdtempSync(join(root, '.pack-'))
let failed = 0

function run(label, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  const output = `${result.stdout}${result.stderr}`.trim()
  const ok = result.status === 0
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`)
  if (!ok) {
    failed++
    console.log(output.replace(/^/gm, '     '))
  }
}

try {
  for (const name of readdirSync(packagesDir)) {
    const dir = join(packagesDir, name)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    if (manifest.private) continue
    execFileSync('pnpm', ['build'], { cwd: dir, stdio: 'ignore' })
    const out = join(scratch, name)
    mkdirSync(out)
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' })
    const tarball = join(out, readdirSync(out).find((file) => file.endsWith('.tgz')) ?? '')
    execFileSync('tar', ['-xzf', tarball, '-C', out])
    run(`${manifest.name}: publint`, 'pnpm', ['exec', 'publint', '--strict', join(out, 'package')], root)
    // Stylesheets are for bundlers, with no types to resolve.
    const stylesheets = Object.keys(manifest.exports ?? {}).filter((entry) => entry.endsWith('.css'))
    const exclude = stylesheets.length > 0 ? ['--exclude-entrypoints', ...stylesheets] : []
    run(
      `${manifest.name}: attw (esm-only)`,
      'pnpm',
      ['exec', 'attw', tarball, '--profile', 'esm-only', ...exclude],
      root,
    )
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exitCode = failed === 0 ? 0 : 1
