import { describe, expect, it } from 'vitest'
import { AuthErrorCode } from '../errors.ts'
import { callbackCases } from './callbackUrls.cases.ts'
import { challengeCases } from './challenges.cases.ts'
import { crossTabCases } from './crossTabMessages.cases.ts'
import { discoveryCases } from './discovery.cases.ts'
import type { HostileCase } from './hostileCase.ts'
import { idTokenCases } from './idTokens.cases.ts'
import { returnToCases } from './returnTos.cases.ts'
import { storedRecordCases } from './storedRecords.cases.ts'
import { tokenResponseCases } from './tokenResponses.cases.ts'

/** Each area of the catalogue, and the least it must hold to cover what the hardening issue names. */
const areas: Record<string, { readonly cases: readonly HostileCase<unknown>[]; readonly atLeast: number }> = {
  'callback URLs and returnTo targets': { cases: [...callbackCases, ...returnToCases], atLeast: 60 },
  'token and refresh responses': { cases: tokenResponseCases, atLeast: 50 },
  'ID tokens': { cases: idTokenCases, atLeast: 30 },
  'discovery documents': { cases: discoveryCases, atLeast: 25 },
  'SCA and RFC 9470 challenges': { cases: challengeCases, atLeast: 45 },
  'stored records': { cases: storedRecordCases, atLeast: 45 },
  'cross-tab messages': { cases: crossTabCases, atLeast: 15 },
}

const codes = new Set<string>([...Object.values(AuthErrorCode), 'ok'])

describe('the hostile-input catalogue', () => {
  it('holds at least 150 cases, each area as many as it promises', () => {
    const counts = Object.fromEntries(Object.entries(areas).map(([area, { cases }]) => [area, cases.length]))
    for (const [area, { atLeast }] of Object.entries(areas)) expect(counts[area]).toBeGreaterThanOrEqual(atLeast)
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(150)
  })

  it.each(Object.entries(areas))('%s: every case is named once and expects a known code', (_area, { cases }) => {
    expect(new Set(cases.map(({ name }) => name)).size).toBe(cases.length)
    for (const { expect: expected } of cases) expect(codes.has(expected.code)).toBe(true)
  })

  it('expects sessions both kept and ended, and both refusals and acceptance, somewhere', () => {
    const all = Object.values(areas).flatMap(({ cases }) => cases)
    expect(new Set(all.map(({ expect: expected }) => expected.sessionKept))).toEqual(new Set([true, false]))
    expect(all.some(({ expect: expected }) => expected.code === 'ok')).toBe(true)
    expect(all.some(({ expect: expected }) => expected.code !== 'ok')).toBe(true)
  })
})
