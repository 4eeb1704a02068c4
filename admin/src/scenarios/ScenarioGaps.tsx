// The gaps a scan would find that the scenario closes, and those it opens.
import { Box, Grid, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FoundGapFigure, WhatIfAnswer } from '../api/types';
import { EnumChip } from '../common/enums';
import { useFormat } from '../common/fields';

function GapLine({ gap }: { gap: FoundGapFigure }) {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Box component="li" sx={{ listStyle: 'none', py: 0.5 }} data-testid="whatif-gap" data-gap-kind={gap.kind}>
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
        <EnumChip name="gapKind" value={gap.kind} />
        <EnumChip name="severity" value={gap.severity} />
        <Typography variant="body2">
          {format.date(gap.periodStart)} – {format.date(gap.periodEnd)}
        </Typography>
        {gap.kind === 'shortfall' ? (
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('resources.gaps.fields.shortfallCents')}: {format.euro(gap.shortfallCents)}
          </Typography>
        ) : null}
      </Stack>
    </Box>
  );
}

function GapColumn({ title, gaps, none, testId }: { title: string; gaps: readonly FoundGapFigure[]; none: string; testId: string }) {
  return (
    <Grid size={{ xs: 12, md: 6 }} data-testid={testId}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {gaps.length ? (
        <Box component="ul" sx={{ m: 0, p: 0 }}>
          {gaps.map((g) => (
            <GapLine key={`${g.kind}-${g.periodStart}-${g.commitmentId ?? ''}`} gap={g} />
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {none}
        </Typography>
      )}
    </Grid>
  );
}

export function ScenarioGaps({ answer }: { answer: WhatIfAnswer }) {
  const translate = useTranslate();
  return (
    <Grid container spacing={2} sx={{ mt: 2 }}>
      <GapColumn title={translate('vangnet.whatif.gaps_disappear')} gaps={answer.gapChanges.disappear} none={translate('vangnet.whatif.gaps_none')} testId="whatif-gaps-disappear" />
      <GapColumn title={translate('vangnet.whatif.gaps_appear')} gaps={answer.gapChanges.appear} none={translate('vangnet.whatif.gaps_none')} testId="whatif-gaps-appear" />
    </Grid>
  );
}
