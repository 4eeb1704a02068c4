// The webhook's secret, shown this once (after a create or a roll of the secret): "keep it now",
// with a copy button. Closing it is saying the secret is kept.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Dialog transitionDuration={0} open fullWidth maxWidth="sm" aria-labelledby="webhook-secret-title" data-testid="webhook-secret-dialog">
      <DialogTitle id="webhook-secret-title">{translate('vangnet.webhooks.secret_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">
            <Typography variant="body2">{translate('vangnet.webhooks.secret_text')}</Typography>
          </Alert>
          <TextField
            label={translate('vangnet.webhooks.secret_label')}
            value={secret}
            fullWidth
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'webhook-secret', style: { fontFamily: 'monospace' } } }}
            onFocus={(e) => e.target.select()}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()} data-testid="webhook-secret-copy">
          {translate(copied ? 'vangnet.webhooks.copied' : 'vangnet.webhooks.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} data-testid="webhook-secret-stored">
          {translate('vangnet.webhooks.stored')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
