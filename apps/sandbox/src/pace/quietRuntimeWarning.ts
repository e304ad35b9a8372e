// oidc-provider 9 warns "Unsupported runtime" on every import below Node 22 LTS; the sandbox runs
// (and is tested) on Node 20, where it works. This drops that one line; `pnpm sandbox` says it once.
const unsupportedRuntime = 'oidc-provider WARNING: Unsupported runtime'
const warn = console.warn
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes(unsupportedRuntime)) return
  warn(...args)
}
