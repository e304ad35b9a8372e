import { useAuth } from '@payauth/react'
import { useId, useState } from 'react'
import { NavLink } from 'react-router'
import { providerPages } from './pages/providerPages.ts'
import './SiteHeader.css'

const sections = [
  { to: '/account', name: 'Payment methods' },
  { to: '/wallet', name: 'Wallet' },
  { to: '/session', name: 'Session' },
  { to: '/dpop', name: 'DPoP' },
  { to: '/pay', name: 'Pay by bank' },
  { to: '/backend', name: 'Backend (BFF)' },
  ...providerPages.map((provider) => ({ to: provider.page, name: provider.name })),
]

/**
 * The app's header: who is signed in (with the demo's PACE client), and the pages, the current one
 * marked (`aria-current="page"`). On narrow screens the pages fold behind a menu button.
 */
export function SiteHeader() {
  const [menuOpen, setMenuOpen] = useState(false)
  const navId = useId()
  // A page was chosen: the menu has done its work.
  const closeMenu = () => setMenuOpen(false)
  return (
    <header className="top">
      <NavLink to="/" end className="brand" onClick={closeMenu}>
        payauth demo
      </NavLink>
      <SignedInUser />
      <button
        type="button"
        className="menu-toggle secondary"
        aria-expanded={menuOpen}
        aria-controls={navId}
        onClick={() => setMenuOpen((open) => !open)}
      >
        Menu
      </button>
      <nav id={navId} aria-label="Demo pages" className={menuOpen ? 'open' : undefined}>
        {sections.map((section) => (
          <NavLink key={section.to} to={section.to} onClick={closeMenu}>
            {section.name}
          </NavLink>
        ))}
      </nav>
    </header>
  )
}

/** The user signed in with the PACE client, from the ID token's claims. */
function SignedInUser() {
  const { user, isAuthenticated } = useAuth()
  if (!isAuthenticated) return null
  const name = user?.name ?? user?.preferred_username ?? user?.sub ?? 'someone'
  return (
    <p className="who" data-testid="header-user">
      <span className="visually-hidden">Signed in as </span>
      <strong>{name}</strong>
      {user?.email && <span className="who-email"> {user.email}</span>}
    </p>
  )
}
