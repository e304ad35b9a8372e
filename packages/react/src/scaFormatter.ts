import type { PluralMessage, ScaMessages } from './scaMessages/scaMessageTypes.ts'

/** Fills `ScaMessages` templates for one locale: numbers in its digits, plurals by its rules. */
export interface ScaFormatter {
  /** `template` with each `{name}` replaced; numbers formatted for the locale. */
  text(template: string, values?: Readonly<Record<string, string | number>>): string
  /** The plural form of `message` for `count`, filled in. */
  plural(message: PluralMessage, count: number): string
  /** Whole seconds as `m:ss` in the locale's digits (`Intl.DurationFormat` is missing in Node 20). */
  countdown(seconds: number): string
}

/** Made once per `messages` object: `Intl` formatters are costly to build and cheap to reuse. */
export function scaFormatter(messages: ScaMessages): ScaFormatter {
  const numbers = new Intl.NumberFormat(messages.locale)
  const twoDigits = new Intl.NumberFormat(messages.locale, { minimumIntegerDigits: 2, useGrouping: false })
  const pluralRules = new Intl.PluralRules(messages.locale)

  function text(template: string, values: Readonly<Record<string, string | number>> = {}): string {
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name]
      if (value === undefined) return placeholder
      return typeof value === 'number' ? numbers.format(value) : value
    })
  }

  return {
    text,
    plural: (message, count) => text(message[pluralRules.select(count)] ?? message.other, { count }),
    countdown: (seconds) => `${numbers.format(Math.floor(seconds / 60))}:${twoDigits.format(seconds % 60)}`,
  }
}
