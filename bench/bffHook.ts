// The BFF's token route is benchmarked by bench/bffBench.ts, written on another branch. When that
// file exists, `pnpm bench` runs it as its own process and puts its standard output in
// BENCHMARKS.md as Markdown (its progress lines belong on standard error, echoed here as they
// come). Without it, the report says so.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const script = new URL('bffBench.ts', import.meta.url).pathname
const root = new URL('..', import.meta.url).pathname
const timeoutMs = 180_000

export type BffOutcome =
  | { readonly status: 'absent' }
  | { readonly status: 'ran'; readonly markdown: string }
  | { readonly status: 'failed'; readonly error: string; readonly markdown: string }

export async function runBffBenchIfPresent(progress: (line: string) => void): Promise<BffOutcome> {
  if (!existsSync(script)) return { status: 'absent' }
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const orphanGuard = () => child.kill('SIGKILL')
  process.once('exit', orphanGuard)
  let stdout = ''
  let pending = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) progress(`  bff: ${line}`)
  })
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  clearTimeout(timer)
  process.off('exit', orphanGuard)
  if (pending) progress(`  bff: ${pending}`)
  return code === 0
    ? { status: 'ran', markdown: stdout.trim() }
    : { status: 'failed', error: `bench/bffBench.ts exited with ${code ?? 'a signal'}`, markdown: stdout.trim() }
}
