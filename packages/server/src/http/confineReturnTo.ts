import { ServerAuthError, ServerErrorCode } from '../errors.ts'

/**
 * The absolute URL to send the browser to after sign-in or sign-out: `fallback` when none is
 * asked for, the asked one when it resolves to one of the app's origins, and otherwise a refusal.
 * Relative paths resolve against the first app origin; `//host`, `/\host` and other schemes
 * resolve elsewhere and are refused, so the BFF never becomes an open redirector.
 */
export function confineReturnTo(
  requested: string | null | undefined,
  appOrigins: readonly string[],
  fallback: string,
): string {
  if (requested === null || requested === undefined || requested === '') return fallback
  const [home] = appOrigins
  let url: URL | undefined
  try {
    url = home ? new URL(requested, home) : undefined
  } catch {
    url = undefined
  }
  // Control characters and backslashes are how parsers are made to disagree; none belongs here.
  const suspicious = [...requested].some((char) => char === '\\' || char.charCodeAt(0) < 0x20)
  if (!url || suspicious || !appOrigins.includes(url.origin)) {
    throw new ServerAuthError(ServerErrorCode.InvalidRequest, 'returnTo must be a URL on the app origin', {
      cause: { parameter: 'returnTo' },
    })
  }
  return url.href
}
