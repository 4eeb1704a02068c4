// How far a scan is: batches done of the batches it fanned out into, initiatives scanned.
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Scan } from '../api/types';

const ratio = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0);

export function ScanProgress({ scan, detailed = false }: { scan: Scan; detailed?: boolean }) {
  const translate = useTranslate();
  const finished = scan.status === 'completed' || scan.status === 'failed';
  const waiting = scan.status === 'queued' || (scan.status === 'running' && scan.batchesTotal === 0);
  return (
    <Stack spacing={0.5} sx={{ minWidth: 160 }} data-testid="scan-progress">
      {waiting && !finished ? (
        <LinearProgress />
      ) : (
        <LinearProgress variant="determinate" value={finished && scan.status === 'completed' ? 100 : ratio(scan.batchesDone, scan.batchesTotal)} />
      )}
      <Typography variant="caption" color="text.secondary" data-testid="scan-batches">
        {translate('vangnet.scans.batches', { done: scan.batchesDone, total: scan.batchesTotal })}
      </Typography>
      {detailed ? (
        <Box>
          <LinearProgress variant="determinate" color="secondary" value={ratio(scan.initiativesScanned, scan.initiativesTotal)} />
        </Box>
      ) : null}
      <Typography variant="caption" color="text.secondary" data-testid="scan-initiatives">
        {translate('vangnet.scans.initiatives', { done: scan.initiativesScanned, total: scan.initiativesTotal })}
      </Typography>
    </Stack>
  );
}

export function ScanProgressField() {
  const scan = useRecordContext<Scan>();
  return scan ? <ScanProgress scan={scan} /> : null;
}
