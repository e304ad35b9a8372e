/** The languages `<ScaChallenge>` has built in, by BCP 47 tag, with their own names for the picker. */
export const scaLanguages = [
  { tag: 'en', name: 'English' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'pt-BR', name: 'Português (Brasil)' },
  { tag: 'es', name: 'Español' },
] as const

export type ScaLanguage = (typeof scaLanguages)[number]['tag']

export function isScaLanguage(tag: string | null | undefined): tag is ScaLanguage {
  return scaLanguages.some((language) => language.tag === tag)
}

/**
 * The language the SCA dialog starts in: `?lang=de` in the address, else the first of the
 * browser's languages the dialog speaks (`de-AT` counts as `de`, `pt` as `pt-BR`), else English.
 */
export function initialScaLanguage(): ScaLanguage {
  const asked = new URLSearchParams(window.location.search).get('lang')
  if (isScaLanguage(asked)) return asked
  for (const preferred of navigator.languages) {
    const match = scaLanguages.find(
      (language) => language.tag === preferred || language.tag.split('-')[0] === preferred.split('-')[0],
    )
    if (match) return match.tag
  }
  return 'en'
}
