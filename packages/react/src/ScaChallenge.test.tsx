import { AuthErrorCode } from '@payauth/core'
import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
import { signInAs, type TestClient, testBrowser, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { ScaChallenge } from './ScaChallenge.tsx'
import { scaMessagesDe } from './scaMessages/scaMessagesDe.ts'
import { scaMessagesEn } from './scaMessages/scaMessagesEn.ts'
import { scaMessagesEs } from './scaMessages/scaMessagesEs.ts'
import { scaMessagesPtBR } from './scaMessages/scaMessagesPtBR.ts'

setUpSandbox({ scaResendCooldown: 30 })

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Signs alice in with SCA through the sandbox's partner verifier (or another), and renders `ui`. */
async function signedIn(ui: ReactNode = <ScaChallenge />, verifierUrl = `${sandbox.origin}/partner`) {
  const test = testClient(sandbox, {
    at: '/account',
    // Read the clock at each call, so that fake timers move the core's clock too.
    browser: testBrowser({ now: () => Date.now() }),
    sca: paysafeSca({ verifier: partnerScaVerifier({ baseUrl: verifierUrl }) }),
  })
  await test.client.handleCallback(await signInAs(test))
  render(<AuthProvider client={test.client}>{ui}</AuthProvider>)
  return test
}

function transfer(test: TestClient): Promise<Response> {
  return test.client.fetch(`${sandbox.origin}/wallet/transfers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: '5.00', to: 'DE89370400440532013000' }),
  })
}

function enter(dialog: HTMLElement, label: string, value: string, verify: string): void {
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } })
  fireEvent.click(within(dialog).getByRole('button', { name: verify }))
}

describe('<ScaChallenge>', () => {
  it('asks for the PIN in a native modal dialog, shows attempts left, and completes the held call', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')
    const test = await signedIn()
    const call = transfer(test)
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' })
    // happy-dom opens it as show() would; Chromium (e2e) proves the top layer, inert page and Escape.
    expect(dialog.tagName).toBe('DIALOG')
    expect(showModal.mock.contexts).toEqual([dialog])
    // The exact countdown is proven on a fake clock below.
    expect(dialog).toHaveAccessibleDescription(/^Your bank needs to confirm this operation\. Time left: \d+:\d\d$/)
    expect(within(dialog).getByRole('timer')).toHaveTextContent(/^Time left: \d+:\d\d$/)
    const pin = within(dialog).getByLabelText('Enter your PIN')
    expect(pin).toHaveAttribute('type', 'password')
    expect(pin).toHaveAttribute('inputmode', 'numeric')
    expect(pin).toHaveFocus()

    enter(dialog, 'Enter your PIN', '9999', 'Verify')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That was not right. Please try again.')
    expect(within(dialog).getByText('2 attempts left')).toBeInTheDocument()
    enter(dialog, 'Enter your PIN', '8888', 'Verify')
    expect(await within(dialog).findByText('1 attempt left')).toBeInTheDocument()

    enter(dialog, 'Enter your PIN', '1234', 'Verify')
    expect((await call).status).toBe(201)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it.each([
    {
      messages: scaMessagesDe,
      title: 'Bestätigen Sie, dass Sie es sind',
      pin: 'Geben Sie Ihre PIN ein',
      waiting: '(1 weiterer Vorgang wartet)',
      rejected: 'Das war nicht richtig. Bitte versuchen Sie es erneut.',
      two: 'Noch 2 Versuche',
      one: 'Noch 1 Versuch',
    },
    {
      messages: scaMessagesPtBR,
      title: 'Confirme que é você',
      pin: 'Digite seu PIN',
      waiting: '(mais 1 operação aguardando)',
      rejected: 'Não está correto. Tente novamente.',
      two: '2 tentativas restantes',
      one: '1 tentativa restante',
    },
    {
      messages: scaMessagesEs,
      title: 'Confirma que eres tú',
      pin: 'Introduce tu PIN',
      waiting: '(1 operación más en espera)',
      rejected: 'No es correcto. Inténtalo de nuevo.',
      two: 'Quedan 2 intentos',
      one: 'Queda 1 intento',
    },
  ])('speaks $messages.locale, with its plural forms', async ({ messages, ...text }) => {
    const test = await signedIn(<ScaChallenge messages={messages} />)
    const first = transfer(test).catch((error: unknown) => error)
    const second = transfer(test).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog', { name: text.title })
    expect(await within(dialog).findByText(text.waiting)).toBeInTheDocument()
    expect(dialog).toHaveAccessibleDescription(new RegExp(`^${messages.description}`))

    enter(dialog, text.pin, '9999', messages.verify)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(text.rejected)
    expect(within(dialog).getByText(text.two)).toBeInTheDocument()
    enter(dialog, text.pin, '8888', messages.verify)
    expect(await within(dialog).findByText(text.one)).toBeInTheDocument()

    fireEvent.click(within(dialog).getByRole('button', { name: messages.cancel }))
    expect(await first).toMatchObject({ code: AuthErrorCode.ScaCancelled })
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: messages.cancel }))
    expect(await second).toMatchObject({ code: AuthErrorCode.ScaCancelled })
  })

  it('explains each failure by its code in the app’s language, never with the core’s English message', async () => {
    // Nothing listens on port 1.
    const unreachable = await signedIn(<ScaChallenge messages={scaMessagesDe} />, 'http://127.0.0.1:1/partner')
    const call = transfer(unreachable).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog')
    enter(dialog, 'Geben Sie Ihre PIN ein', '1234', 'Bestätigen')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Das Netzwerk ist nicht erreichbar. Versuchen Sie es erneut.',
    )
    expect(unreachable.client.getSnapshot()).toMatchObject({
      challenge: { error: { code: AuthErrorCode.NetworkError } },
    })
    unreachable.client.cancelChallenge()
    await call

    // The wallet's own report endpoint wants a partner's server credentials: 401, not a verifier's answer.
    const broken = await signedIn(<ScaChallenge messages={scaMessagesDe} />, `${sandbox.origin}/wallet`)
    const held = transfer(broken).catch((error: unknown) => error)
    const next = await screen.findByRole('dialog')
    enter(next, 'Geben Sie Ihre PIN ein', '1234', 'Bestätigen')
    expect(await within(next).findByRole('alert')).toHaveTextContent(
      'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    )
    expect(broken.client.getSnapshot()).toMatchObject({ challenge: { error: { code: AuthErrorCode.InvalidResponse } } })
    broken.client.cancelChallenge()
    await held
  })

  it('shows what is being approved, and reads it out as part of the dialog', async () => {
    const test = await signedIn(
      <ScaChallenge
        summary={(challenge) => (
          <p>Send 5.00 EUR to DE89 3704 0044 0532 0130 00 (operation {challenge.walletOperationId})</p>
        )}
      />,
    )
    const call = transfer(test).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' })
    const snapshot = test.client.getSnapshot()
    const operation =
      snapshot.status === 'signedIn' && snapshot.challenge?.kind === 'sca' ? snapshot.challenge : undefined
    expect(operation?.walletOperationId).toBeTruthy()
    expect(dialog).toHaveAccessibleDescription(
      new RegExp(
        `^Send 5\\.00 EUR to DE89 3704 0044 0532 0130 00 \\(operation ${operation?.walletOperationId}\\) Your bank needs`,
      ),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await call
  })

  it('counts down to expiry and to the next resend on the challenge’s own clock, in the locale’s digits', async () => {
    const test = await signedIn(<ScaChallenge messages={{ ...scaMessagesEn, locale: 'ar-EG' }} />)
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const call = transfer(test).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByRole('timer')).toHaveTextContent('Time left: ١٥:٠٠')
    fireEvent.click(within(dialog).getByLabelText('One-time code by SMS'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send code' }))
    const resend = await within(dialog).findByRole('button', { name: 'Resend code in ٣٠ s' })
    expect(resend).toBeDisabled()

    act(() => vi.advanceTimersByTime(12_000))
    expect(within(dialog).getByRole('timer')).toHaveTextContent('Time left: ١٤:٤٨')
    expect(resend).toHaveTextContent('Resend code in ١٨ s')
    act(() => vi.advanceTimersByTime(18_000))
    expect(resend).toHaveTextContent(/^Resend code$/)
    expect(resend).toBeEnabled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await call
  })

  it('sends a code by SMS to the masked number, offers a resend after the cooldown, and takes the code', async () => {
    const test = await signedIn()
    const call = transfer(test)
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByLabelText('One-time code by SMS'))
    expect(within(dialog).getByText(/We will send a code to \+44 ••• 123/)).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send code' }))
    expect(await within(dialog).findByText(/Code sent to \+44 ••• 123/)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: /Resend code in \d+ s/ })).toBeDisabled()

    const field = within(dialog).getByLabelText('One-time code')
    expect(field).toHaveAttribute('autocomplete', 'one-time-code')
    expect(field).toHaveAttribute('inputmode', 'numeric')
    const outbox = (await (await fetch(`${sandbox.origin}/sandbox/sms-outbox`)).json()) as { code: string }[]
    enter(dialog, 'One-time code', outbox[0]?.code ?? '', 'Verify')
    expect((await call).status).toBe(201)
  })

  it('cancels on the dialog’s cancel event (Escape), and the held call rejects', async () => {
    const test = await signedIn()
    const call = transfer(test).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog')
    // What the browser fires on Escape; happy-dom does not map the key to it.
    const cancel = new Event('cancel', { cancelable: true })
    act(() => {
      dialog.dispatchEvent(cancel)
    })
    // The core ends the challenge, and with it the dialog: it does not close on its own.
    expect(cancel.defaultPrevented).toBe(true)
    expect(await call).toMatchObject({ code: AuthErrorCode.ScaCancelled })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })
})
