import { useEffect, useState } from 'react'

/** "at 14:05:09 (in 4 min 12 s)", ticking each second. */
export function ExpiresIn({ at }: { readonly at: number }) {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.round((at - now) / 1000))
  const left = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`
  return (
    <time dateTime={new Date(at).toISOString()} data-testid="expires-at">
      at {new Date(at).toLocaleTimeString()} (in {left})
    </time>
  )
}
