import { parseUrl } from '../navigation/parseUrl.ts'
/**
 * Whether `url` lands on `redirectUri`: same scheme, host and path, whatever its query. A
 * private-use scheme may come back as `com.example.app:/cb` or `com.example.app:///cb`; both parse
 * to the same empty host and path.
 */
export function isRedirectTo(url: string, redirectUri: string): boolean {
  const link = parseUrl(url)
  const target = parseUrl(redirectUri)
  return (
    !!link &&
    !!target &&
    link.protocol === target.protocol &&
    link.host === target.host &&
    link.pathname === target.pathname
  )
}

/** The `state` an authorization response carries in its query, if any. */
export function stateOf(url: string): string | undefined {
  return parseUrl(url)?.searchParams.get('state') ?? undefined
}

/** Pages of the web, which open in the browser; anything else is a link into the app itself. */
export function isWebUrl(url: string): boolean {
  const protocol = parseUrl(url)?.protocol
  return protocol === 'https:' || protocol === 'http:'
}
