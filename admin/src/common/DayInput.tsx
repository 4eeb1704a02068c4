// A calendar day typed as "31-12-2027" (Dutch) or "31/12/2027" (English), whatever the browser's
// own date format, and kept in the form as "2027-12-31", the API's form. MUI X's date field and
// calendar (date-fns underneath, like the rest of the console). While the typed day is incomplete
// or impossible, the form holds an invalid date and refuses it.
import type { TextFieldProps } from '@mui/material';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, nlNL } from '@mui/x-date-pickers/locales';
import { format, isValid, parseISO } from 'date-fns';
import { FieldTitle, InputHelperText, useInput, useLocaleState, type InputProps, type Validator } from 'react-admin';
import { dateLocale } from '../format/dates';

const ISO_DAY = 'yyyy-MM-dd';

/** What a day looks like per console language, and the placeholders that say so. */
const SHAPES = {
  nl: { format: 'dd-MM-yyyy', localeText: { ...nlNL.components.MuiLocalizationProvider.defaultProps.localeText, fieldDayPlaceholder: () => 'dd', fieldMonthPlaceholder: () => 'mm', fieldYearPlaceholder: () => 'jjjj' } },
  en: { format: 'dd/MM/yyyy', localeText: { ...enUS.components.MuiLocalizationProvider.defaultProps.localeText, fieldDayPlaceholder: () => 'dd', fieldMonthPlaceholder: () => 'mm', fieldYearPlaceholder: () => 'yyyy' } },
};

const validDay: Validator = (value: unknown) => (value instanceof Date ? 'vangnet.validation.date' : undefined);

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  return typeof value === 'string' && value ? parseISO(value) : null;
}

export type DayInputProps = InputProps & Pick<TextFieldProps, 'size' | 'sx' | 'fullWidth' | 'className'>;

export function DayInput(props: DayInputProps) {
  const { label, helperText, source, resource, validate, size, sx, fullWidth, className, disabled, readOnly } = props;
  const [locale] = useLocaleState();
  const extra = Array.isArray(validate) ? validate : validate ? [validate] : [];
  const { id, field, fieldState, isRequired } = useInput({ ...props, validate: [validDay, ...extra] });
  const shape = locale === 'en' ? SHAPES.en : SHAPES.nl;
  const error = fieldState.error?.message;

  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={dateLocale(locale)} localeText={shape.localeText}>
      <DatePicker
        value={toDate(field.value)}
        format={shape.format}
        disabled={disabled}
        readOnly={readOnly}
        inputRef={field.ref}
        label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
        onChange={(day) => field.onChange(day === null ? null : isValid(day) ? format(day, ISO_DAY) : day)}
        onClose={field.onBlur}
        slotProps={{
          textField: {
            id,
            name: field.name,
            className,
            size: size ?? 'small',
            variant: 'filled',
            sx,
            fullWidth,
            onBlur: field.onBlur,
            error: Boolean(fieldState.invalid && (fieldState.isTouched || fieldState.error?.type === 'server' || error)),
            helperText: <InputHelperText error={error} helperText={helperText} />,
          },
        }}
      />
    </LocalizationProvider>
  );
}
