import { ServerAuthError, ServerErrorCode } from '../errors.ts'

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** Whether a URL is plain http on a loopback host: allowed for local development only. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname)
}

/**
 * Parses a configured URL and refuses anything but https, except http on loopback hosts, so no
 * setting can downgrade the BFF's traffic (or its cookies) to plain http on a network.
 */
export function secureUrl(value: string, setting: string): URL {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || !(url.protocol === 'https:' || isLoopbackHttp(url))) {
    throw new ServerAuthError(
      ServerErrorCode.InvalidConfig,
      `${setting} must be an https URL (http only on 127.0.0.1, [::1] or localhost)`,
      { cause: { setting } },
    )
  }
  return url
}
