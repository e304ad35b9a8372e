/** Starts listening for links into the app, passing each to `emit`. */
export type LinkSource = (emit: (url: string) => void) => LinkListening

/** A platform listener that is running. */
export interface LinkListening {
  /** Settles once the platform has registered the listener (Capacitor's `addListener` is async). */
  readonly ready: Promise<void>
  /** Removes the platform listener. */
  stop(): void
}

/**
 * Routes links into the app: a sign-in waiting for its redirect takes it first ("intercepts"), and
 * what nobody intercepted goes to the app's redirect listeners. The platform listener is held only
 * while someone listens.
 */
export interface LinkRouter {
  /** `take` returns true when the link was its own; returns the function that stops. */
  intercept(take: (url: string) => boolean): () => void
  /** Hears every link nobody intercepted; returns the function that stops. */
  subscribe(listener: (url: string) => void): () => void
  /** A link that came some other way (an auth session's result, an in-app URL). */
  deliver(url: string): void
  /** Settles once the platform listener is registered. */
  ready(): Promise<void>
}

/** A router over one platform listener (`appUrlOpen`, `Linking`'s `url`). */
export function linkRouter(source: LinkSource): LinkRouter {
  const interceptors = new Set<(url: string) => boolean>()
  const listeners = new Set<(url: string) => void>()
  let listening: ReturnType<LinkSource> | undefined

  function deliver(url: string): void {
    for (const take of [...interceptors]) if (take(url)) return
    for (const listener of [...listeners]) listener(url)
  }
  function join<T>(set: Set<T>, member: T): () => void {
    set.add(member)
    listening ??= source(deliver)
    return () => {
      set.delete(member)
      if (interceptors.size === 0 && listeners.size === 0) {
        listening?.stop()
        listening = undefined
      }
    }
  }
  return {
    intercept: (take) => join(interceptors, take),
    subscribe: (listener) => join(listeners, listener),
    deliver,
    ready: () => listening?.ready ?? Promise.resolve(),
  }
}
