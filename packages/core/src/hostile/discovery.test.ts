import { afterEach, describe, expect, it } from 'vitest'
import { type DiscoveryInput, discoveryCases, discoveryDocument } from './discovery.cases.ts'
import { expectOutcome, rows } from './hostileCase.ts'
import { secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
})

function answer(input: DiscoveryInput): () => Response | Promise<Response> {
  if ('reply' in input) return input.reply
  const body = discoveryDocument(input.changes)
  return () => new Response(body, { headers: { 'content-type': 'application/json' } })
}

describe('hostile discovery documents, read by a page that must refresh its session', () => {
  it.each(rows(discoveryCases))('%s', async (_name, { input, expect: expected }) => {
    const current = await signedInWorld()
    world = current
    current.server.discovery = answer(input)
    // A reload an hour later: the new page reads the document before it can refresh the session.
    current.advance(61)
    const page = current.tab()
    expectOutcome(await current.outcome(page, () => page.auth.getAccessToken()), expected, secrets)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
