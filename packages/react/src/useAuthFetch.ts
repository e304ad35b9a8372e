'use client'
import type { AuthClient } from '@payauth/core'
import { useAuthClient } from './authContext.ts'

/**
 * `fetch` with the session's token and its challenges handled; see `AuthClient.fetch`. The same
 * function on every render (for one client), so it is safe in an effect's dependencies.
 *
 * @example
 * function Cards() {
 *   const authFetch = useAuthFetch()
 *   const [cards, setCards] = useState<Card[]>()
 *   useEffect(() => {
 *     const controller = new AbortController()
 *     authFetch('/api/cards', { signal: controller.signal })
 *       .then((response) => response.json())
 *       .then((body) => setCards(body.data), () => {})
 *     return () => controller.abort()
 *   }, [authFetch])
 *   return <CardList cards={cards} />
 * }
 */
export function useAuthFetch(): AuthClient['fetch'] {
  return useAuthClient().fetch
}
