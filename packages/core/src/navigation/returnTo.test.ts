import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { toAppPath } from './returnTo.ts'

const origin = 'https://shop.example'

describe('toAppPath', () => {
  it('keeps path, query and fragment of a same-origin target', () => {
    expect(toAppPath('/orders/7?tab=receipt#top', origin)).toBe('/orders/7?tab=receipt#top')
    expect(toAppPath('https://shop.example/cart', origin)).toBe('/cart')
  })

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    'javascript:alert(1)',
    'https://shop.example.evil.example/',
    'http://shop.example/',
    'https://shop.example//evil.example/x',
    '/.//evil.example',
    '/\\evil.example',
  ])('refuses %s', (target) => {
    expect(() => toAppPath(target, origin)).toThrowError(
      expect.objectContaining({ code: AuthErrorCode.InvalidReturnTo }),
    )
  })
})
