import { useAuth } from '@payauth/react'

/**
 * Warns the user when the browser lets the site keep nothing (IndexedDB blocked, as in some private
 * modes and locked-down web views): payauth then keeps the session in this page's memory only.
 */
export function StorageNotice() {
  const { snapshot } = useAuth()
  if (snapshot.status !== 'signedIn' || snapshot.session.persisted) return null
  return (
    <p className="card" role="note">
      This session is kept in memory only: it ends when you close or reload this tab, as this browser lets the site
      store nothing.
    </p>
  )
}
