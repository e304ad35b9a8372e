import { useEffect, useRef, useState } from 'react'

/** An action the page runs, and whether it is under way. */
export interface PendingAction<Args extends unknown[]> {
  /** True from the start of the action until it settles (or, for one that leaves the page, until it has left). */
  readonly pending: boolean
  /** Starts the action, unless it is already under way: a second press joins the first. */
  readonly run: (...args: Args) => void
}

/** Options of {@link usePendingAction}. */
export interface PendingActionOptions {
  /**
   * The action ends by sending the browser elsewhere (a redirect sign-in): it stays pending after
   * it resolves, since the page is about to go, rather than offering the button again.
   */
  readonly leavesPage?: boolean
}

/**
 * Runs an async action behind a button and says whether it is under way, so the button can show
 * it. A failure is the action's to report (payauth's commands record theirs in the snapshot, the
 * demo's own calls set their page's message): `run` does not rethrow it.
 */
export function usePendingAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<unknown>,
  { leavesPage = false }: PendingActionOptions = {},
): PendingAction<Args> {
  const [pending, setPending] = useState(false)
  // A ref as well as state: two presses within one render must not start the action twice.
  const running = useRef(false)

  useEffect(() => {
    if (!leavesPage) return
    // Back from the provider's page, the browser may restore this page as it left it: pending.
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      running.current = false
      setPending(false)
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [leavesPage])

  function run(...args: Args): void {
    if (running.current) return
    running.current = true
    setPending(true)
    const settle = () => {
      running.current = false
      setPending(false)
    }
    action(...args).then(leavesPage ? undefined : settle, settle)
  }

  return { pending, run }
}
