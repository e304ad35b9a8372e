import { AuthErrorCode as Code } from '../errors.ts'
import { ended, type HostileCase, kept } from './hostileCase.ts'
import { secret } from './scriptedServer.ts'

/** Where the app is asked to send the user after signing in (`login`) or out (`logout`). */
export interface ReturnToInput {
  readonly via: 'login' | 'logout'
  readonly returnTo: string
}

const offApp = (returnTo: string): HostileCase<ReturnToInput> => ({
  name: `login to ${JSON.stringify(returnTo)}`,
  input: { via: 'login', returnTo },
  expect: kept(Code.InvalidReturnTo),
})

const onApp = (returnTo: string): HostileCase<ReturnToInput> => ({
  name: `login to ${JSON.stringify(returnTo)} (a path on the app)`,
  input: { via: 'login', returnTo },
  expect: kept('ok'),
})

export const returnToCases: readonly HostileCase<ReturnToInput>[] = [
  onApp('/orders/7?tab=receipt#top'),
  // Same scheme as the app, no slashes: the URL parser reads a path, as browsers do.
  onApp('https:evil.example'),
  onApp('/%2F%2Fevil.example'),
  onApp('/%5Cevil.example'),
  onApp('%2F%2Fevil.example'),
  onApp('https%3A%2F%2Fevil.example'),
  onApp('/x?next=//evil.example'),
  onApp('HTTPS://APP.EXAMPLE/cart'),
  onApp('https://app.example:443/cart'),
  offApp('//evil.example'),
  offApp('/\\evil.example'),
  offApp('\\\\evil.example'),
  offApp('/\t/evil.example'),
  offApp(' //evil.example'),
  offApp('https://evil.example/'),
  offApp('http://app.example/'),
  offApp('http:evil.example'),
  offApp('https://app.example.evil.example/'),
  offApp('https://app.example@evil.example/'),
  offApp('https://app.example:8443/'),
  offApp('https://app.example./'),
  offApp('https://\u0430pp.example/'),
  offApp('javascript:alert(document.cookie)'),
  offApp('JaVaScRiPt:alert(1)'),
  offApp('java\tscript:alert(1)'),
  offApp('data:text/html,<script>alert(1)</script>'),
  offApp('/.//evil.example'),
  offApp('/x/..//evil.example'),
  offApp('https://app.example//evil.example/x'),
  offApp(`https://evil.example/landing?access_token=${secret('AT')}#refresh_token=${secret('RT')}`),
  {
    name: 'logout to a page on the app',
    input: { via: 'logout', returnTo: '/goodbye' },
    expect: ended('ok'),
  },
  {
    name: 'logout to //evil.example: signed out first, sent nowhere',
    input: { via: 'logout', returnTo: '//evil.example' },
    expect: ended(Code.InvalidReturnTo),
  },
  {
    name: 'logout to javascript:',
    input: { via: 'logout', returnTo: 'javascript:alert(1)' },
    expect: ended(Code.InvalidReturnTo),
  },
]
