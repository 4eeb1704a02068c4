// How far a scan is: batches done of the batches it fanned out into, initiatives scanned. Each
// bar is named by the line under it, for screen readers.
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Scan } from '../api/types';

const ratio = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0);

export function ScanProgress({ scan, detailed = false }: { scan: Scan; detailed?: boolean }) {
  const translate = useTranslate();
  const finished = scan.status === 'completed' || scan.status === 'failed';
  const waiting = scan.status === 'queued' || (scan.status === 'running' && scan.batchesTotal === 0);
  const batchesId = useId();
  const initiativesId = useId();
  return (
    <Stack spacing={0.5} sx={{ minWidth: 160 }} data-testid="scan-progress">
      {waiting && !finished ? (
        <LinearProgress aria-labelledby={batchesId} />
      ) : (
        <LinearProgress aria-labelledby={batchesId} variant="determinate" value={finished && scan.status === 'completed' ? 100 : ratio(scan.batchesDone, scan.batchesTotal)} />
      )}
      <Typography variant="caption" color="text.secondary" data-testid="scan-batches" id={batchesId}>
        {translate('vangnet.scans.batches', { done: scan.batchesDone, total: scan.batchesTotal })}
      </Typography>
      {detailed ? (
        <Box>
          <LinearProgress aria-labelledby={initiativesId} variant="determinate" color="secondary" value={ratio(scan.initiativesScanned, scan.initiativesTotal)} />
        </Box>
      ) : null}
      <Typography variant="caption" color="text.secondary" data-testid="scan-initiatives" id={initiativesId}>
        {translate('vangnet.scans.initiatives', { done: scan.initiativesScanned, total: scan.initiativesTotal })}
      </Typography>
    </Stack>
  );
}

export function ScanProgressField() {
  const scan = useRecordContext<Scan>();
  return scan ? <ScanProgress scan={scan} /> : null;
}
