import { ServerAuthError, ServerErrorCode } from '../errors.ts'

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * `{baseUrl}{path}` as a URL, refusing anything but HTTPS, except plain HTTP to a loopback host
 * (so a local sandbox works and nothing else can downgrade the client secret to cleartext).
 */
export function endpointUrl(label: string, baseUrl: string, path: string): URL {
  let url: URL
  try {
    url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`)
  } catch (error) {
    throw new ServerAuthError(ServerErrorCode.InvalidConfig, `${label}: baseUrl is not a URL`, { cause: error })
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ServerAuthError(ServerErrorCode.InvalidConfig, `${label}: baseUrl must use https`, {
      cause: { protocol: url.protocol, host: url.host },
    })
  }
  return url
}

/** 127.0.0.1, ::1 or localhost. */
export function isLoopback(url: URL): boolean {
  return loopbackHosts.has(url.hostname)
}
