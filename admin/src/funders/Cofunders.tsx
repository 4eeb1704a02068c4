// Who else funds an initiative, and how firmly: the funders paying now, those only asked
// (aangevraagd), and those that paid before (eerder, folded away). Each with the statuses of its
// commitments, its committed money in the table's window and the end date of that money.
import { Box, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { Cofunder, CofunderGroup } from '../api/types';
import { EnumChip, enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { Folded } from './Folded';

/** A co-funder's firmness, money and end date, on one wrapping line. */
export function CofunderFigures({ funder }: { funder: Cofunder }) {
  const format = useFormat();
  const translate = useTranslate();
  const showAmount = funder.group === 'current' || funder.committedCents > 0;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" alignItems="center">
      {funder.statuses.map((s) => (
        <EnumChip key={s.status} name="commitmentStatus" value={s.status} count={s.count} />
      ))}
      {showAmount ? (
        <Typography component="span" variant="body2" data-testid="cofunder-amount" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {format.wholeEuro(funder.committedCents)}
        </Typography>
      ) : null}
      <Typography component="span" variant="body2" color="text.secondary" data-testid="cofunder-end" sx={{ whiteSpace: 'nowrap' }}>
        {translate('vangnet.cofunding.until', { date: format.date(funder.endDate) })}
      </Typography>
    </Stack>
  );
}

function CofunderLine({ funder }: { funder: Cofunder }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Box data-testid="cofunder" data-group={funder.group}>
      <Link to={createPath({ resource: 'funders', id: funder.id, type: 'show' })}>{funder.name}</Link>{' '}
      <Typography component="span" variant="caption" color="text.secondary">
        {translate(enumLabel('funderType', funder.type))}
      </Typography>
      <CofunderFigures funder={funder} />
    </Box>
  );
}

function Group({ group, funders }: { group: CofunderGroup; funders: readonly Cofunder[] }) {
  const translate = useTranslate();
  return (
    <Stack spacing={0.75} data-testid={`cofunders-${group}`}>
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        {translate(`vangnet.cofunding.group.${group}`)}
      </Typography>
      {funders.map((f) => (
        <CofunderLine key={f.id} funder={f} />
      ))}
    </Stack>
  );
}

export function Cofunders({ funders }: { funders: readonly Cofunder[] }) {
  const translate = useTranslate();
  if (funders.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('vangnet.cofunding.no_other_funders')}
      </Typography>
    );
  }
  const inGroup = (group: CofunderGroup) => funders.filter((f) => f.group === group);
  const past = inGroup('past');
  return (
    <Stack spacing={1}>
      {(['current', 'pipeline'] as const).map((group) => {
        const members = inGroup(group);
        return members.length ? <Group key={group} group={group} funders={members} /> : null;
      })}
      <Folded count={past.length}>
        <Group group="past" funders={past} />
      </Folded>
    </Stack>
  );
}
