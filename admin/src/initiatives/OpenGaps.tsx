// The initiative's open gaps, each explained in a sentence with a next step; refetched by itself
// while a rescan follows an edit, so the panel never shows what an edit just changed.
import { Box } from '@mui/material';
import { Pagination, ReferenceManyField, useListContext, useTranslate } from 'react-admin';
import type { Gap } from '../api/types';
import { Section } from '../common/Section';
import { Empty, Loading } from '../common/states';
import { GapItem } from '../gaps/GapItem';
import { UpdatingIndicator } from '../gaps/UpdatingIndicator';
import { useLiveFigures } from '../gaps/useLiveFigures';

function GapItems() {
  const { data, isPending } = useListContext<Gap>();
  if (isPending) return <Loading />;
  return (
    <Box component="ul" sx={{ m: 0, p: 0 }} data-testid="gap-items">
      {(data ?? []).map((gap) => (
        <GapItem key={gap.id} gap={gap} />
      ))}
    </Box>
  );
}

export function OpenGaps() {
  const translate = useTranslate();
  const { updating, refetchInterval } = useLiveFigures();
  return (
    <Section title={translate('vangnet.gaps.open_title')} action={<UpdatingIndicator updating={updating} />} testId="open-gaps">
      <ReferenceManyField
        reference="gaps"
        target="initiativeId"
        filter={{ open: true }}
        sort={{ field: 'periodStart', order: 'ASC' }}
        perPage={10}
        queryOptions={{ refetchInterval }}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={<Empty message="vangnet.gaps.none_open" />}
      >
        <GapItems />
      </ReferenceManyField>
    </Section>
  );
}
