// Money is an integer number of euro cents end to end. Amounts are typed and shown in euros; the
// conversion works on the digits as text, so "1.234,56" is 123456 cents exactly, never 123455.99.

const CENTS_PER_EURO = 100;

/** "€ 1.234,56" (nl) or "€1,234.56" (en); an empty string for a missing amount. */
export function formatEuro(cents: number | null | undefined, locale: string, options: { whole?: boolean } = {}): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '';
  const digits = options.whole ? 0 : 2;
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / CENTS_PER_EURO);
}

/** A short amount for chart axes: "€ 12k", "€ 1,2 mln". */
export function formatEuroCompact(cents: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(
    cents / CENTS_PER_EURO,
  );
}

/** The text an amount input starts with: "1.234,56" (nl) or "1,234.56" (en), no currency sign. */
export function formatCentsForInput(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined || !Number.isSafeInteger(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / CENTS_PER_EURO);
  const rest = String(abs % CENTS_PER_EURO).padStart(2, '0');
  const { group, decimal } = separators(locale);
  return `${sign}${groupThousands(String(euros), group)}${decimal}${rest}`;
}

/**
 * Parses a euro amount as typed, in either convention: "1.234,56", "1234,56", "1234.56",
 * "1,234.56", "€ 1.234", "12". When both separators occur, the last one is the decimal mark; a
 * single separator followed by exactly three digits groups thousands, otherwise it is the decimal
 * mark. Answers whole cents, or null when the text is not an amount (or has more than two decimals).
 */
export function parseEuroCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR/i, '');
  const match = /^(-?)([\d.,]+)$/.exec(text);
  if (!match) return null;
  const [, sign, body] = match as unknown as [string, string, string];
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let integerPart = body;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const group = decimalAt === lastDot ? ',' : '.';
    integerPart = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + 1);
    if (!isGrouped(integerPart, group)) return null;
    integerPart = integerPart.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = body.split(mark);
    const tail = parts[parts.length - 1] ?? '';
    if (parts.length > 2 || tail.length === 3) {
      if (!isGrouped(body, mark)) return null;
      integerPart = parts.join('');
    } else {
      integerPart = parts[0] ?? '';
      fraction = tail;
    }
  }
  if (!/^\d+$/.test(integerPart) || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(integerPart) * CENTS_PER_EURO + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' ? -cents : cents;
}

/** "1.234.567" with `.` as group: the first group has 1–3 digits, every next one exactly 3. */
function isGrouped(text: string, group: string): boolean {
  const parts = text.split(group);
  return parts.every((p, i) => (i === 0 ? /^\d{1,3}$/.test(p) || (parts.length === 1 && /^\d+$/.test(p)) : /^\d{3}$/.test(p)));
}

function groupThousands(digits: string, group: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

function separators(locale: string): { group: string; decimal: string } {
  return locale === 'en' ? { group: ',', decimal: '.' } : { group: '.', decimal: ',' };
}

/** The Intl locale of a console locale: Dutch formats as in the Netherlands, English as in the UK. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** "54%" / "54 %" for a share between 0 and 1; empty for null. */
export function formatPercent(share: number | null | undefined, locale: string, fractionDigits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: fractionDigits }).format(share);
}

export function formatNumber(value: number | null | undefined, locale: string, fractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value);
}
