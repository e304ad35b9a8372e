import { useAuthClient } from '@payauth/react'
import { useLayoutEffect } from 'react'
import { useLocation } from 'react-router'

/**
 * Takes the client's error away whenever the user moves on: an error belongs to the page (and the
 * action) it came from, not to wherever the user goes next. The page the browser loaded keeps
 * it, since a failed sign-in comes back to one. A layout effect, so the next page never paints it.
 */
export function ErrorsStayOnTheirPage() {
  const client = useAuthClient()
  // `default` is the location the page loaded with; each navigation in the app has a key of its own.
  const { key } = useLocation()
  useLayoutEffect(() => {
    if (key !== 'default') client.clearError()
  }, [client, key])
  return null
}
