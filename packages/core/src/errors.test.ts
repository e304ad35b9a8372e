import { expect, it, vi } from 'vitest'
import { AuthError, isAuthError, OAuthResponseError } from './errors.ts'
import { toAuthError } from './toAuthError.ts'

it('knows an error of another copy of @payauth/core, which instanceof does not', async () => {
  vi.resetModules()
  // A second instance of the module, as a second installed copy of the package would load.
  const otherCopy = await import('./errors.ts')
  expect(otherCopy.AuthError).not.toBe(AuthError)
  const theirs = new otherCopy.OAuthResponseError('token_error', { error: 'invalid_grant' }, { cause: undefined })
  expect(theirs instanceof AuthError).toBe(false)
  expect(isAuthError(theirs)).toBe(true)
  expect(isAuthError(new OAuthResponseError('token_error', { error: 'invalid_grant' }, { cause: undefined }))).toBe(
    true,
  )
})

it('knows nothing else for one: plain errors, look-alikes and non-errors', () => {
  expect(isAuthError(new Error('payauth'))).toBe(false)
  expect(isAuthError(Object.assign(new Error('x'), { name: 'AuthError', code: 'login_required' }))).toBe(false)
  expect(isAuthError({ code: 'login_required', message: 'x' })).toBe(false)
  expect(isAuthError(undefined)).toBe(false)
})

it('keeps the code of another copy’s error through toAuthError (an adapter’s popup_closed stays popup_closed)', async () => {
  vi.resetModules()
  const otherCopy = await import('./errors.ts')
  const theirs = new otherCopy.AuthError('popup_closed', 'The sign-in was cancelled', { cause: undefined })
  expect(toAuthError(theirs, 'invalid_response', 'Signing in in a popup failed')).toBe(theirs)
})
