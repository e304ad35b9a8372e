import { AuthErrorCode } from '@payauth/core'
import { partnerScaVerifier, paysafeSca } from '@payauth/core/sca'
import { signInAs, type TestClient, testClient } from '@payauth/harness'
import { sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { ScaChallenge } from './ScaChallenge.tsx'

setUpSandbox({ scaResendCooldown: 30 })

async function signedIn(): Promise<TestClient> {
  const test = testClient(sandbox, {
    at: '/account',
    sca: paysafeSca({ verifier: partnerScaVerifier({ baseUrl: `${sandbox.origin}/partner` }) }),
  })
  await test.client.handleCallback(await signInAs(test))
  render(
    <AuthProvider client={test.client}>
      <ScaChallenge />
    </AuthProvider>,
  )
  return test
}

function transfer(test: TestClient): Promise<Response> {
  return test.client.fetch(`${sandbox.origin}/wallet/transfers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: '5.00', to: 'DE89370400440532013000' }),
  })
}

describe('<ScaChallenge>', () => {
  it('asks for the PIN in an accessible dialog, shows attempts left, and completes the held call', async () => {
    const test = await signedIn()
    const call = transfer(test)
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(within(dialog).getByRole('timer')).toHaveTextContent(/Time left: 1[45]:\d\d/)
    const pin = within(dialog).getByLabelText('Enter your PIN')
    expect(pin).toHaveAttribute('type', 'password')
    expect(pin).toHaveAttribute('inputmode', 'numeric')
    expect(pin).toHaveFocus()

    fireEvent.change(pin, { target: { value: '9999' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That was not right')
    expect(within(dialog).getByText('2 attempts left')).toBeInTheDocument()

    fireEvent.change(within(dialog).getByLabelText('Enter your PIN'), { target: { value: '1234' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect((await call).status).toBe(201)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
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
    fireEvent.change(field, { target: { value: outbox[0]?.code ?? '' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }))
    expect((await call).status).toBe(201)
  })

  it('cancels with Escape, and the held call rejects', async () => {
    const test = await signedIn()
    const call = transfer(test).catch((error: unknown) => error)
    const dialog = await screen.findByRole('dialog')
    act(() => {
      fireEvent.keyDown(dialog, { key: 'Escape' })
    })
    expect(await call).toMatchObject({ code: AuthErrorCode.ScaCancelled })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })
})
