// The sandbox in a process of its own, as the e2e suite runs it: the runner's own work (Playwright,
// bundling) then never delays the authorization server the browsers are timed against.
import { type ChildProcess, spawn } from 'node:child_process'
import { sleep } from '../stats.ts'

export interface SandboxProcess {
  readonly origin: string
  readonly issuer: string
  stop(): Promise<void>
}

const root = new URL('../..', import.meta.url).pathname

export async function startSandboxProcess(options: {
  readonly port: number
  readonly appOrigins: readonly string[]
  readonly accessTokenTtl: number
}): Promise<SandboxProcess> {
  const origin = `http://127.0.0.1:${options.port}`
  if (await answers(origin)) throw new Error(`Port ${options.port} is taken: is another pnpm bench running?`)
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/sandbox/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SANDBOX_PORT: String(options.port),
      SANDBOX_APP_ORIGINS: options.appOrigins.join(','),
      SANDBOX_ACCESS_TOKEN_TTL: String(options.accessTokenTtl),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // However the runner ends (an error, Ctrl-C), the sandbox it started must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL')
  process.once('exit', orphanGuard)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const started = Date.now()
  while (!(await answers(origin))) {
    if (child.exitCode !== null) throw new Error(`The sandbox exited with ${child.exitCode}: ${stderr}`)
    if (Date.now() - started > 30_000) {
      process.off('exit', orphanGuard)
      await stop(child)
      throw new Error(`The sandbox did not answer within 30 s: ${stderr}`)
    }
    await sleep(100)
  }
  return {
    origin,
    issuer: `${origin}/auth/realms/pace`,
    async stop() {
      process.off('exit', orphanGuard)
      await stop(child)
    },
  }
}

async function answers(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/healthz`)).ok
  } catch {
    return false
  }
}

/** Ends the sandbox by its own PID: SIGTERM (it closes its server), SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
