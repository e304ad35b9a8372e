import { AuthProvider, RequireAuth } from '@payauth/react'
import { type ReactNode, useState } from 'react'
import { Link, Route, Routes } from 'react-router'
import { dpopAuthClient } from './authClient.ts'
import { backendAuthClient, payBackendAuthClient } from './backendClients.ts'
import { CallbackPage } from './CallbackPage.tsx'
import { AccountPage } from './pages/AccountPage.tsx'
import { BackendPage } from './pages/BackendPage.tsx'
import { DpopPage } from './pages/DpopPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { PayBackendPage } from './pages/PayBackendPage.tsx'
import { PayPage } from './pages/PayPage.tsx'
import { ProviderPage } from './pages/ProviderPage.tsx'
import { providerPages } from './pages/providerPages.ts'
import { SessionPage } from './pages/SessionPage.tsx'
import { StorageNotice } from './pages/StorageNotice.tsx'
import { WalletPage } from './pages/WalletPage.tsx'
import { payClientForPage } from './payClients.ts'

export function App() {
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          payauth demo
        </Link>
        <nav>
          <Link to="/account">Payment methods</Link>
          <Link to="/wallet">Wallet</Link>
          <Link to="/session">Session</Link>
          <Link to="/dpop">DPoP</Link>
          <Link to="/pay">Pay by bank</Link>
          <Link to="/backend">Backend (BFF)</Link>
          {providerPages.map((provider) => (
            <Link key={provider.page} to={provider.page}>
              {provider.name}
            </Link>
          ))}
        </nav>
      </header>
      <main>
        <StorageNotice />
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/callback" element={<CallbackPage />} />
          <Route path="/account" element={<SignedInOnly page={<AccountPage />} />} />
          <Route path="/session" element={<SignedInOnly page={<SessionPage />} />} />
          <Route path="/wallet" element={<SignedInOnly page={<WalletPage />} />} />
          <Route path="/dpop/*" element={<DpopSection />} />
          <Route path="/pay/*" element={<PaySection />} />
          <Route path="/backend" element={<ThroughBackend page={<BackendPage />} />} />
          {providerPages.map((provider) => (
            <Route
              key={provider.page}
              path={provider.page}
              element={<ThroughBackend page={<ProviderPage provider={provider} />} />}
            />
          ))}
          <Route
            path="/pay-backend"
            element={
              <AuthProvider client={payBackendAuthClient}>
                <PayBackendPage />
              </AuthProvider>
            }
          />
        </Routes>
      </main>
    </>
  )
}

/** Pages for signed-in users: anyone else is sent to sign in and brought back. */
function SignedInOnly({ page }: { readonly page: ReactNode }) {
  return <RequireAuth fallback={<p>Sending you to sign in…</p>}>{page}</RequireAuth>
}

/** The DPoP registration has its own client, session and callback. */
function DpopSection() {
  return (
    <AuthProvider client={dpopAuthClient}>
      <Routes>
        <Route index element={<DpopPage />} />
        <Route path="callback" element={<CallbackPage />} />
      </Routes>
    </AuthProvider>
  )
}

/** The oauth20 bank API: its own client, session and callback. */
function PaySection() {
  // Chosen once per page load: the callback scrubs the fragment that decided it.
  const [client] = useState(payClientForPage)
  return (
    <AuthProvider client={client}>
      <Routes>
        <Route index element={<PayPage />} />
        <Route path="callback" element={<CallbackPage />} />
      </Routes>
    </AuthProvider>
  )
}

/** Pages signed in through the app's backend-for-frontend share its client and session. */
function ThroughBackend({ page }: { readonly page: ReactNode }) {
  return <AuthProvider client={backendAuthClient}>{page}</AuthProvider>
}
