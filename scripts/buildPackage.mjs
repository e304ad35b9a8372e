// Builds the package in the current directory for publishing: TypeScript's own emit (one ESM file
// per source file, so every bundler tree-shakes per module; declarations exactly as written; no
// bundler that would need TypeScript's JS API, which TypeScript 7 lacks), then two fixes tsc does
// not make: declaration files import `./x.js` instead of `./x.ts` (so they resolve in node_modules),
// and assets (CSS) are copied beside the code. Source maps carry their sources, so they resolve.
import { execFileSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = 'dist'
rmSync(dist, { recursive: true, force: true })
execFileSync('tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' })

function* files(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

for (const path of files(dist)) {
  if (!path.endsWith('.d.ts')) continue
  const text = readFileSync(path, 'utf8')
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2')
  if (fixed !== text) writeFileSync(path, fixed)
}
for (const path of files('src')) {
  if (path.endsWith('.css')) copyFileSync(path, path.replace(/^src/, dist))
}
