/**
 * What a `returnTo` must stay within: the origin of a web app (`https://shop.example`), or the
 * private-use scheme of a native app (`com.example.app:`), whose URLs have no web origin.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.1
 */
export function appRoot(url: URL): string {
  return url.origin !== 'null' ? url.origin : `${url.protocol}${url.host ? `//${url.host}` : ''}`
}
