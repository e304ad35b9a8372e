/** Beyond oauth4webapi's own tolerance (30 s), a device clock this far off breaks ID token checks. */
const toleratedSeconds = 30
/** Any skew larger than a day is a broken server, not a device clock. */
const maximumSeconds = 86_400

/**
 * How far this device's clock is from the server's, in seconds (server minus device), read from the
 * `iat` of the ID token a token response carries, and the response to process (its body read once
 * and handed on, as some runtimes' `clone()` shares the stream); no skew when there is no ID token
 * or the clocks agree. A phone whose clock is minutes off would otherwise see every fresh ID token
 * as issued in the future or already expired. The browser cannot read the `Date` header of a
 * cross-origin response, and the response comes over TLS from the token endpoint, whose ID tokens
 * are trusted as they come.
 */
export async function readClockSkew(
  response: Response,
  nowMs: number,
): Promise<{ readonly response: Response; readonly skew: number | undefined }> {
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) return { response, skew: undefined }
  const body = await response.text()
  const replay = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
  return { response: replay, skew: skewOf(body, nowMs) }
}

function skewOf(body: string, nowMs: number): number | undefined {
  try {
    const { id_token: idToken } = JSON.parse(body) as { id_token?: unknown }
    if (typeof idToken !== 'string') return undefined
    const payload = idToken.split('.')[1] ?? ''
    const { iat } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { iat?: unknown }
    if (typeof iat !== 'number' || !Number.isFinite(iat)) return undefined
    const skew = Math.round(iat - nowMs / 1000)
    return Math.abs(skew) > toleratedSeconds && Math.abs(skew) <= maximumSeconds ? skew : undefined
  } catch {
    // Not JSON, not a JWT: oauth4webapi says what is wrong with it.
    return undefined
  }
}
