// An amount typed in euros ("12.345,67" or "12345.67") and kept in the form as whole cents
// (1234567). While the text is not an amount, the form holds the text itself and refuses it.
import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, type InputProps, type Validator } from 'react-admin';
import { formatCentsForInput, parseEuroCents } from '../format/money';

const validCents: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'vangnet.validation.euro';
  if (value < 0) return 'vangnet.validation.euro_negative';
  return undefined;
};

export type EuroInputProps = InputProps & Pick<TextFieldProps, 'size' | 'sx' | 'fullWidth' | 'variant' | 'className'>;

export function EuroInput(props: EuroInputProps) {
  const { label, helperText, source, resource, validate, size, sx, fullWidth, variant, className, disabled, readOnly } = props;
  const [locale] = useLocaleState();
  const extra = Array.isArray(validate) ? validate : validate ? [validate] : [];
  const { id, field, fieldState, isRequired } = useInput({ ...props, validate: [validCents, ...extra] });
  const [text, setText] = useState(() => formatCentsForInput(field.value as number | null, locale));

  // Follow the form when it changes the value itself (reset, a loaded record, a locale switch).
  useEffect(() => {
    const value = field.value as unknown;
    if (typeof value === 'number' && parseEuroCents(text) !== value) setText(formatCentsForInput(value, locale));
    if ((value === null || value === undefined) && text !== '' && parseEuroCents(text) !== null) setText('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value, locale]);

  const error = fieldState.error?.message;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      className={className}
      size={size ?? 'small'}
      variant={variant ?? 'filled'}
      sx={sx}
      fullWidth={fullWidth}
      disabled={disabled}
      label={<FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
      error={Boolean(fieldState.invalid && (fieldState.isTouched || fieldState.error?.type === 'server' || error))}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        field.onChange(next.trim() === '' ? null : (parseEuroCents(next) ?? next));
      }}
      onBlur={() => {
        field.onBlur();
        const value = field.value as unknown;
        if (typeof value === 'number') setText(formatCentsForInput(value, locale));
      }}
      slotProps={{
        input: { startAdornment: <InputAdornment position="start">€</InputAdornment>, readOnly },
        htmlInput: { inputMode: 'decimal', 'data-testid': `euro-input-${source}` },
      }}
    />
  );
}
