// Amounts, dates and shares the way the console shows them: `€ 1.234,56`, `31-12-2027`, `54%`.
import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { formatDate, formatDateTime } from '../format/dates';
import { formatEuro, formatPercent } from '../format/money';

interface SourceProps extends FieldProps {
  source: string;
}

/** A read-only field that shows its value through a locale-aware formatter. */
function formattedField<T>(accepts: (value: unknown) => value is T, format: (value: T, locale: string) => string, numeric = false) {
  return function FormattedField({ source }: SourceProps) {
    const value = useFieldValue<Record<string, unknown>>({ source });
    const [locale] = useLocaleState();
    return (
      <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: numeric ? 'tabular-nums' : undefined }}>
        {accepts(value) ? format(value, locale) : ''}
      </Typography>
    );
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';

export const EuroField = formattedField(isNumber, formatEuro, true);
export const PercentField = formattedField(isNumber, formatPercent, true);
export const DayField = formattedField(isString, formatDate);
export const TimestampField = formattedField(isString, formatDateTime);

/** Formatting helpers bound to the current locale, for custom tables and charts. */
export function useFormat() {
  const [locale] = useLocaleState();
  return {
    locale,
    euro: (cents: number | null | undefined) => formatEuro(cents, locale),
    wholeEuro: (cents: number | null | undefined) => formatEuro(cents, locale, { whole: true }),
    date: (iso: string | null | undefined) => formatDate(iso, locale),
    percent: (share: number | null | undefined) => formatPercent(share, locale),
  };
}
