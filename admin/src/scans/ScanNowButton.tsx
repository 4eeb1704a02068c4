// "Scan now": POST /api/scans (202), then follow the scan on GET /api/scans/{id} until it is
// done, with its progress, and offer the gaps it found — and, when it left out initiatives nothing
// changed for since they were evaluated for the day, a full scan that evaluates those too.
import RadarIcon from '@mui/icons-material/Radar';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useGetOne, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';
import type { Scan } from '../api/types';
import { EnumChip } from '../common/enums';
import { ScanProgress } from './ScanProgress';

const POLL_MS = 700;
const isFinished = (scan: Scan | undefined) => scan?.status === 'completed' || scan?.status === 'failed';

/** The list of open gaps, newest findings first. */
export const OPEN_GAPS_PATH = `/gaps?${new URLSearchParams({ filter: JSON.stringify({ open: true }), sort: 'detectedAt', order: 'DESC' }).toString()}`;

function ScanDialog({ scanId, onClose, onFullScan, starting }: { scanId: number; onClose: () => void; onFullScan: () => void; starting: boolean }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const { data: scan } = useGetOne<Scan>(
    'scans',
    { id: scanId },
    {
      refetchInterval: (query) => (isFinished(query.state.data as Scan | undefined) ? false : POLL_MS),
    },
  );
  const finished = isFinished(scan);
  const close = () => {
    refresh();
    onClose();
  };
  return (
    <Dialog open onClose={close} fullWidth maxWidth="sm" data-testid="scan-dialog">
      <DialogTitle>{translate('vangnet.scans.title', { id: scanId })}</DialogTitle>
      <DialogContent>
        {scan ? (
          <Stack spacing={2}>
            <div>
              <EnumChip name="scanStatus" value={scan.status} size="medium" />
            </div>
            <ScanProgress scan={scan} detailed />
            {scan.status === 'queued' ? <Alert severity="info">{translate('vangnet.scans.waiting')}</Alert> : null}
            {scan.status === 'completed' ? (
              <Alert severity="success" data-testid="scan-done">
                {translate('vangnet.scans.done', { opened: scan.gapsOpened, resolved: scan.gapsResolved })}
              </Alert>
            ) : null}
            {scan.status === 'completed' && scan.initiativesUnchanged > 0 ? (
              <Alert severity="info" data-testid="scan-unchanged">
                {translate('vangnet.scans.unchanged', { unchanged: scan.initiativesUnchanged, total: scan.initiativesTotal })}
                <Box sx={{ mt: 1 }}>
                  <MuiButton onClick={onFullScan} disabled={starting} variant="outlined" size="small" data-testid="scan-full">
                    {translate('vangnet.scans.scan_full')}
                  </MuiButton>
                </Box>
              </Alert>
            ) : null}
            {scan.full ? <Alert severity="info" data-testid="scan-full-note">{translate('vangnet.scans.full')}</Alert> : null}
            {scan.status === 'failed' ? <Alert severity="error">{translate('vangnet.scans.failed', { error: scan.error ?? '' })}</Alert> : null}
          </Stack>
        ) : null}
      </DialogContent>
      <DialogActions>
        {finished ? (
          <MuiButton
            onClick={() => {
              onClose();
              redirect(OPEN_GAPS_PATH);
            }}
            variant="contained"
            data-testid="scan-view-gaps"
          >
            {translate('vangnet.scans.view_gaps')}
          </MuiButton>
        ) : null}
        <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
      </DialogActions>
    </Dialog>
  );
}

export function ScanNowButton() {
  const dp = useVangnetData();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'scans', action: 'create' });
  const [scanId, setScanId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  if (!canAccess) return null;
  const start = async (full = false) => {
    setStarting(true);
    try {
      const scan = await dp.startScan({ full });
      setScanId(scan.id);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setStarting(false);
    }
  };
  return (
    <>
      <Button label="vangnet.scans.scan_now" onClick={() => void start()} disabled={starting} variant="contained" data-testid="scan-now">
        <RadarIcon />
      </Button>
      {scanId !== null ? <ScanDialog key={scanId} scanId={scanId} onClose={() => setScanId(null)} onFullScan={() => void start(true)} starting={starting} /> : null}
    </>
  );
}
