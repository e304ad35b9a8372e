import { expect, type Page } from '@playwright/test'
import { test } from './cspViolations.ts'
import { press, useAutoLogin } from './support.ts'

test.beforeEach(async ({ page, context }) => {
  await useAutoLogin(context)
  await page.goto('/wallet')
  await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible()
})

/** Whether the focused element is inside the open dialog; the browser's own UI counts as outside the page. */
function focusIsInDialog(page: Page): Promise<'dialog' | 'page' | 'browser'> {
  return page.evaluate(() => {
    const focused = document.activeElement
    if (!focused || focused === document.body || !document.hasFocus()) return 'browser'
    return focused.closest('dialog[open]') ? 'dialog' : 'page'
  })
}

test('keyboard: focus moves into the dialog, Tab stays inside, Escape cancels and focus returns to the button', async ({
  page,
}) => {
  const send = page.getByRole('button', { name: 'Send money' })
  await send.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Enter your PIN')).toBeFocused()
  // The dialog's controls and the way round through the browser's UI: never a control of the page behind.
  const stops = new Set<string>()
  for (let tab = 0; tab < 8; tab++) {
    await page.keyboard.press('Tab')
    const where = await focusIsInDialog(page)
    expect(where).not.toBe('page')
    stops.add(where)
  }
  expect(stops.has('dialog')).toBe(true)

  await dialog.getByLabel('Enter your PIN').focus()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_cancelled)')
  await expect(send).toBeFocused()
})

test('in German: the dialog, what is approved, and the attempts left with their plural', async ({ page }) => {
  await page.getByLabel('Language of the confirmation dialog').selectOption('de')
  await press(page.getByRole('button', { name: 'Send money' }))
  const dialog = page.getByRole('dialog', { name: 'Bestätigen Sie, dass Sie es sind' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('sca-summary')).toContainText('Geld senden')
  await expect(dialog.getByTestId('sca-summary')).toContainText('25,00 €')
  await expect(dialog.getByTestId('sca-summary')).toContainText('GB33 BUKB 2020 1555 5555 55')
  await expect(dialog.getByRole('timer')).toContainText(/Verbleibende Zeit: 1[45]:\d\d/)

  const pin = dialog.getByLabel('Geben Sie Ihre PIN ein')
  await pin.fill('0000')
  await press(dialog.getByRole('button', { name: 'Bestätigen' }))
  await expect(dialog.getByRole('alert')).toHaveText('Das war nicht richtig. Bitte versuchen Sie es erneut.')
  await expect(dialog.getByText('Noch 2 Versuche')).toBeVisible()
  await pin.fill('1111')
  await press(dialog.getByRole('button', { name: 'Bestätigen' }))
  await expect(dialog.getByText('Noch 1 Versuch', { exact: true })).toBeVisible()
  await press(dialog.getByRole('button', { name: 'Abbrechen' }))
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('transfer-result')).toContainText('(sca_cancelled)')
})

test('revealing card details: the dialog names the operation and the card', async ({ page }) => {
  await press(page.getByRole('button', { name: 'Reveal card details' }))
  const dialog = page.getByRole('dialog', { name: 'Confirm it’s you' })
  await expect(dialog.getByTestId('sca-summary')).toContainText('Show card details')
  await expect(dialog.getByTestId('sca-summary')).toContainText('card-1')
  // The summary is part of what the dialog is described by, so a screen reader reads it out.
  await expect(dialog).toHaveAccessibleDescription(/Show card details.*card-1/)
  await press(dialog.getByRole('button', { name: 'Cancel' }))
  await expect(page.getByTestId('card-result')).toContainText('(sca_cancelled)')
})
