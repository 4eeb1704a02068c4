// A gap in one plain sentence, with the step that would help close it as a link (DESIGN.md
// "Explaining a gap"). Used wherever gaps are shown: the gaps list, an initiative's open gaps and
// the dashboards.
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import type { Gap } from '../api/types';
import { enumLabel } from '../common/enums';
import { formatDate } from '../format/dates';
import { getUser } from '../authProvider';
import { explainGap, nextStep } from './explainGap';
import { useGapSubjects } from './useGapSubjects';

export function GapExplanation({ gap }: { gap: Gap }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { subjects, isLoading } = useGapSubjects(gap);
  const user = getUser();
  // A gap that money can close: the initiative (or an admin) can gather its funders around it.
  const mayOpenRound = (user?.role === 'initiative' || user?.role === 'admin') && gap.resolvedAt === null && gap.kind !== 'five_year_risk';
  if (isLoading) return <Skeleton variant="text" width="80%" />;
  const step = user ? nextStep(gap, subjects, { role: user.role, funderId: user.funderId, year: new Date().getFullYear() }, translate) : null;
  return (
    <Stack spacing={0.75} alignItems="flex-start" data-testid="gap-explanation">
      <Typography variant="body2" data-testid="gap-sentence" sx={{ maxWidth: '75ch' }}>
        {explainGap(gap, subjects, translate, locale)}
      </Typography>
      {step || mayOpenRound ? (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {step ? (
            <Button
              component={Link}
              to={step.to}
              state={step.state}
              size="small"
              variant="outlined"
              endIcon={<ArrowForwardIcon />}
              data-testid="gap-next-step"
              sx={{ textAlign: 'left', textTransform: 'none' }}
            >
              {step.label}
            </Button>
          ) : null}
          {mayOpenRound ? (
            <Button
              component={Link}
              to="/cofinancing-rounds/create"
              state={{ record: { initiativeId: gap.initiativeId, gapId: gap.id, title: `${translate(enumLabel('gapKind', gap.kind))} ${formatDate(gap.periodStart, locale)} – ${formatDate(gap.periodEnd, locale)}` } }}
              size="small"
              variant="text"
              data-testid="gap-open-round"
              sx={{ textAlign: 'left', textTransform: 'none' }}
            >
              {translate('vangnet.rounds.open_from_gap')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
