// One gap as a short block, for panels that show a few of them (an initiative's open gaps, the
// dashboards): kind and severity, when, the shortfall where there is one, the sentence and the step.
import { Box, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import type { Gap } from '../api/types';
import { EnumChip } from '../common/enums';
import { useFormat } from '../common/fields';
import { GapExplanation } from './GapExplanation';
import { GapPeriodField } from './GapFields';

export function GapItem({ gap }: { gap: Gap }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <RecordContextProvider value={gap}>
      <Box
        component="li"
        data-testid="gap-item"
        data-gap-id={gap.id}
        data-gap-kind={gap.kind}
        sx={{ listStyle: 'none', py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}
      >
        <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 0.75 }}>
          <EnumChip name="gapKind" value={gap.kind} />
          <EnumChip name="severity" value={gap.severity} />
          <GapPeriodField />
          {gap.kind === 'shortfall' ? (
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="gap-shortfall">
              {translate('resources.gaps.fields.shortfallCents')}: {format.euro(gap.shortfallCents)}
            </Typography>
          ) : null}
        </Stack>
        <GapExplanation gap={gap} />
      </Box>
    </RecordContextProvider>
  );
}
