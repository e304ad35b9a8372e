import { AuthCallback, RequireAuth } from '@payauth/react'
import { useCallback } from 'react'
import { Link, Route, Routes, useNavigate } from 'react-router'
import { describeAuthError } from './describeAuthError.ts'
import { AccountPage } from './pages/AccountPage.tsx'
import { HomePage } from './pages/HomePage.tsx'

export function App() {
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          payauth demo
        </Link>
        <nav>
          <Link to="/account">Payment methods</Link>
        </nav>
      </header>
      <main>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/callback" element={<CallbackPage />} />
          <Route
            path="/account"
            element={
              <RequireAuth fallback={<p>Sending you to sign in…</p>}>
                <AccountPage />
              </RequireAuth>
            }
          />
        </Routes>
      </main>
    </>
  )
}

function CallbackPage() {
  const navigate = useNavigate()
  const onSignedIn = useCallback((returnTo: string) => navigate(returnTo, { replace: true }), [navigate])
  return (
    <AuthCallback
      onSignedIn={onSignedIn}
      renderError={(error) => (
        <section className="card error" role="alert">
          <h1>Sign-in failed</h1>
          <p>{describeAuthError(error)}</p>
          <p>
            <Link to="/">Back to the start</Link>
          </p>
        </section>
      )}
    >
      <p>Completing sign-in…</p>
    </AuthCallback>
  )
}
