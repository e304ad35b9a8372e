import { AuthProvider, RequireAuth } from '@payauth/react'
import { type ReactNode, useState } from 'react'
import { Route, Routes } from 'react-router'
import { dpopAuthClient } from './authClient.ts'
import { backendAuthClient, payBackendAuthClient } from './backendClients.ts'
import { CallbackPage } from './CallbackPage.tsx'
import { ErrorsStayOnTheirPage } from './ErrorsStayOnTheirPage.tsx'
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
import { SiteHeader } from './SiteHeader.tsx'

export function App() {
  return (
    <>
      <SiteHeader />
      <ErrorsStayOnTheirPage />
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
                <ErrorsStayOnTheirPage />
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
      <ErrorsStayOnTheirPage />
      <Routes>
        <Route index element={<DpopPage />} />
        <Route path="callback" element={<CallbackPage start="/dpop" />} />
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
      <ErrorsStayOnTheirPage />
      <Routes>
        <Route index element={<PayPage />} />
        <Route path="callback" element={<CallbackPage start="/pay" />} />
      </Routes>
    </AuthProvider>
  )
}

/** Pages signed in through the app's backend-for-frontend share its client and session. */
function ThroughBackend({ page }: { readonly page: ReactNode }) {
  return (
    <AuthProvider client={backendAuthClient}>
      <ErrorsStayOnTheirPage />
      {page}
    </AuthProvider>
  )
}
