// "bijwerken…" beside a panel's title while a rescan after an edit is under way. The live region
// is always there, so a screen reader hears the change.
import { CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export function UpdatingIndicator({ updating }: { updating: boolean }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.75} alignItems="center" role="status" aria-live="polite" data-testid="updating" sx={{ minHeight: 20 }}>
      {updating ? (
        <>
          <CircularProgress size={12} aria-hidden />
          <Typography variant="caption" color="text.secondary">
            {translate('vangnet.gaps.updating')}
          </Typography>
        </>
      ) : null}
    </Stack>
  );
}
