import { useAuth } from '@payauth/react'
import { useRef } from 'react'
import { PendingButton } from '../PendingButton.tsx'
import { usePendingAction } from '../usePendingAction.ts'

/**
 * Sign-in in a popup, with a Cancel while it waits. Where the sign-in server's COOP cuts the link
 * to the popup, the page cannot see the user close it, and payauth keeps waiting for its callback:
 * Cancel ends the wait (the popup closes; `aborted` is no error to show). A blocked popup falls
 * back to the redirect.
 */
export function PopupSignIn() {
  const { loginWithPopup } = useAuth()
  const waiting = useRef<AbortController | undefined>(undefined)
  const { pending, run } = usePendingAction(async () => {
    const controller = new AbortController()
    waiting.current = controller
    try {
      await loginWithPopup({ returnTo: '/', signal: controller.signal })
    } finally {
      waiting.current = undefined
    }
  })
  return (
    <>
      <PendingButton
        className="secondary"
        pending={pending}
        pendingLabel="Signing in in the popup…"
        onClick={() => run()}
      >
        Sign in with a popup
      </PendingButton>
      {pending && (
        <button type="button" className="secondary" onClick={() => waiting.current?.abort()}>
          Cancel the popup sign-in
        </button>
      )}
    </>
  )
}
