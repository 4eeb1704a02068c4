// A funder's decision on one of its obligations: accept or reject a submitted one (a rejection
// says what is missing), waive one still owed. The API decides who may; these only show where
// they can work.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturbAlt';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Obligation } from '../api/types';
import { useVangnetData } from '../api/queries';
import { canAccess, getUser } from '../authProvider';

type Decision = 'accept' | 'reject' | 'waive';

export function DecisionButtons({ compact = false }: { compact?: boolean }) {
  const record = useRecordContext<Obligation>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dp = useVangnetData();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  if (!record || getUser()?.role === 'initiative' || !canAccess(getUser(), 'obligations', 'edit', record)) return null;

  const decide = async (decision: Decision, withNote?: string) => {
    setBusy(true);
    try {
      await dp.decideObligation(record.id, decision, { version: record.version, ...(withNote ? { note: withNote } : {}) });
      notify(`vangnet.reporting.decided.${decision}`, { type: 'success' });
      setRejecting(false);
      setNote('');
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const label = (decision: Decision) => translate(`vangnet.reporting.decide.${decision}`);
  const submitted = record.status === 'submitted';
  const owed = record.status === 'open' || record.status === 'rejected';
  const size = compact ? 'small' : 'medium';
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" onClick={(e) => e.stopPropagation()}>
      {submitted ? (
        <>
          <Button size={size} variant="contained" color="success" startIcon={<CheckIcon />} disabled={busy} onClick={() => void decide('accept')} aria-label={`${label('accept')}: ${record.title}`}>
            {label('accept')}
          </Button>
          <Button size={size} variant="outlined" color="error" startIcon={<CloseIcon />} disabled={busy} onClick={() => setRejecting(true)} aria-label={`${label('reject')}: ${record.title}`}>
            {label('reject')}
          </Button>
        </>
      ) : null}
      {submitted || owed ? (
        <Button size={size} startIcon={<DoNotDisturbIcon />} disabled={busy} onClick={() => void decide('waive')} aria-label={`${label('waive')}: ${record.title}`}>
          {label('waive')}
        </Button>
      ) : null}
      <Dialog open={rejecting} onClose={() => setRejecting(false)} aria-labelledby={titleId} fullWidth>
        <DialogTitle id={titleId}>{translate('vangnet.reporting.reject_title', { title: record.title })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            required
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            label={translate('vangnet.reporting.reject_note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || !note.trim()} onClick={() => void decide('reject', note.trim())}>
            {label('reject')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
