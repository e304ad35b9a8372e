import type { IncomingMessage } from 'node:http'

/**
 * The client id and secret of an `Authorization: Basic` header, each URL-decoded as RFC 6749
 * §2.3.1 requires (`application/x-www-form-urlencoded`, so `+` is a space). Undefined when the
 * header is missing or malformed, including a `%` that is not followed by two hex digits: what a
 * client that did not encode its secret sends.
 */
export function basicCredentials(req: IncomingMessage): { clientId: string; clientSecret: string } | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (!encoded) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  if (separator < 0) return undefined
  try {
    return {
      clientId: formDecode(decoded.slice(0, separator)),
      clientSecret: formDecode(decoded.slice(separator + 1)),
    }
  } catch {
    return undefined
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '))
}
