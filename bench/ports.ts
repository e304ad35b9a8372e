// Ports of the bench's own, so a run never collides with `pnpm demo` (9400/5173) or the e2e
// suite (9410/5183), which may be running at the same time on the same machine.

/** Two sandboxes: 5-second tokens for the refresh herd, long-lived ones where a renewal would only add noise. */
export const sandboxPorts = { herd: 9430, signIn: 9431 } as const

/** One origin per test page: the sandbox's public client redirects to `{origin}/callback` only. */
export const pagePorts = {
  payauth: 5193,
  oidcClientTsShared: 5194,
  oidcClientTsPerTab: 5195,
  oauth4webapi: 5196,
} as const

export type PageName = keyof typeof pagePorts

export const pageOrigin = (page: PageName): string => `http://127.0.0.1:${pagePorts[page]}`

export const pageNames = Object.keys(pagePorts) as PageName[]
