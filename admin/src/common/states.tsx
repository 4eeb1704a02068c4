// Loading, empty and failed states, worded for the user in their language.
import InboxIcon from '@mui/icons-material/InboxOutlined';
import { Alert, Box, CircularProgress, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export function Loading({ height = 120 }: { height?: number }) {
  const translate = useTranslate();
  return (
    <Stack alignItems="center" justifyContent="center" spacing={1} sx={{ height }} role="status">
      <CircularProgress size={24} />
      <Typography variant="body2" color="text.secondary">
        {translate('vangnet.common.loading')}
      </Typography>
    </Stack>
  );
}

/** What a lazily loaded chart shows while its code and data arrive. */
export function ChartLoading({ height = 300 }: { height?: number }) {
  const translate = useTranslate();
  return (
    <Box sx={{ position: 'relative', height }} role="status" aria-label={translate('vangnet.common.chart_loading')}>
      <Skeleton variant="rounded" height={height} />
    </Box>
  );
}

export function Empty({ message, children }: { message: string; children?: ReactNode }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" alignItems="center" spacing={1} sx={{ py: 2, color: 'text.secondary' }} data-testid="empty-state">
      <InboxIcon fontSize="small" />
      <Typography variant="body2">{translate(message)}</Typography>
      {children}
    </Stack>
  );
}

export function LoadError() {
  const translate = useTranslate();
  return <Alert severity="warning">{translate('vangnet.common.load_error')}</Alert>;
}

/** A form's refusal under its inputs, read out when it appears; nothing without one. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Typography role="alert" color="error" variant="body2" sx={{ mt: 0.5 }}>
      {message}
    </Typography>
  );
}
