/**
 * `URL.parse` without needing it: Safari before 18 and Chrome before 126 lack the static method,
 * and DOM shims return a URL of another realm from it.
 */
export function parseUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base)
  } catch {
    return undefined
  }
}
