import { describe, expect, it } from 'vitest'
import { ServerAuthError } from '../errors.ts'
import { maxCookieChunks, maxCookieValueLength, readChunkedCookie, writeChunkedCookie } from './chunkedCookie.ts'

const attributes = { sameSite: 'Strict', maxAge: 3600 } as const

/** What a browser keeps after these Set-Cookie lines. */
function jar(lines: readonly string[], start: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const cookies = new Map(start)
  for (const line of lines) {
    const [pair = ''] = line.split(';')
    const [name = '', value = ''] = pair.split('=')
    if (line.includes('Max-Age=0')) cookies.delete(name)
    else cookies.set(name, value)
  }
  return cookies
}

describe('chunked cookie', () => {
  it('keeps a small value whole', () => {
    const cookies = jar(writeChunkedCookie('s', 'abc', attributes))
    expect([...cookies]).toEqual([['s', 'abc']])
  })

  it('splits a large value into chunks that read back whole, and deletes a stale whole cookie', () => {
    const value = 'x'.repeat(maxCookieValueLength * 2 + 10)
    const lines = writeChunkedCookie('s', value, attributes)
    for (const line of lines) expect(line.length).toBeLessThan(4000)
    const cookies = jar(lines, new Map([['s', 'old']]))
    expect([...cookies.keys()].sort()).toEqual(['s.0', 's.1', 's.2'])
    expect(readChunkedCookie(cookies, 's').value).toBe(value)
    // Shrinking again deletes the chunks.
    expect([...jar(writeChunkedCookie('s', 'small', attributes), cookies)]).toEqual([['s', 'small']])
  })

  it('refuses a value past the last chunk with session_too_large instead of cutting it', () => {
    const value = 'x'.repeat(maxCookieValueLength * maxCookieChunks + 1)
    expect(() => writeChunkedCookie('s', value, attributes)).toThrow(ServerAuthError)
    expect(() => writeChunkedCookie('s', value, attributes)).toThrow(
      expect.objectContaining({ code: 'session_too_large' }),
    )
  })

  it('reads no value without the first chunk', () => {
    expect(readChunkedCookie(new Map([['s.1', 'b']]), 's').value).toBeUndefined()
  })
})
