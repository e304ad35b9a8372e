/** Puts the pinned pnpm on PATH for this process and its children. */
export function ensurePnpm(): void
/** `pnpm install --frozen-lockfile`. */
export function installDependencies(): void
/** Debian's Chromium for Playwright, when it can be installed. */
export function ensureChromium(): void
/** Debian's redis-server (installed as root when missing); the path of the binary. */
export function ensureRedis(): string
