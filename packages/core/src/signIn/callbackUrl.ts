/**
 * Parameters of an authorization response; they are scrubbed from the address bar. Tokens are
 * among them: a broken server may put them in the query, where they must not stay in history.
 */
const callbackParams = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
  'access_token',
  'refresh_token',
  'id_token',
  'response',
]

/** Parameters of an implicit-flow response, which arrive in the URL fragment (RFC 6749 §4.2.2). */
export function fragmentParams(url: URL): URLSearchParams | undefined {
  if (!url.hash) return undefined
  const params = new URLSearchParams(url.hash.slice(1))
  return params.has('access_token') || params.has('error') || params.has('state') ? params : undefined
}

/** The `state` an authorization response carries ('' when none), or undefined when `url` is no response. */
export function callbackState(url: URL): string | undefined {
  const fragment = fragmentParams(url)
  const query = url.searchParams
  if (!fragment && !query.has('state') && !query.has('code') && !query.has('error')) return undefined
  return (fragment ?? query).get('state') ?? ''
}

/** `url` without its authorization response, for the address bar and history. */
export function withoutCallbackParams(url: URL): URL {
  const clean = new URL(url)
  for (const name of callbackParams) clean.searchParams.delete(name)
  // An implicit response's token sits in the fragment, as does the response of a server that
  // ignored the response mode: it must not stay in history.
  const fragment = new URLSearchParams(clean.hash.slice(1))
  if (callbackParams.some((name) => fragment.has(name))) clean.hash = ''
  return clean
}
