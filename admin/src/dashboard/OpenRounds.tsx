// The open co-financing rounds of the initiatives a funder may see: where its money could close a gap together with others.
import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, ReferenceField, RecordContextProvider, useCreatePath, useGetList, useTranslate } from 'react-admin';
import type { CofinancingRound } from '../api/types';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Empty, Loading } from '../common/states';

export function OpenRounds() {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const { data, isPending } = useGetList<CofinancingRound>('cofinancing-rounds', {
    filter: { status: 'open' },
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'periodStart', order: 'ASC' },
  });
  return (
    <Section title={translate('vangnet.rounds.open_title')} testId="open-rounds">
      {isPending ? (
        <Loading />
      ) : !data?.length ? (
        <Empty message="vangnet.rounds.none_open" />
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0 }}>
          {data.map((r) => (
            <RecordContextProvider key={r.id} value={r}>
              <Box component="li" sx={{ listStyle: 'none', py: 1, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }} data-testid="open-round">
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between">
                  <Box>
                    <MuiLink component={Link} to={createPath({ resource: 'cofinancing-rounds', id: r.id, type: 'show' })} sx={{ fontWeight: 600 }}>
                      {r.title}
                    </MuiLink>
                    <Typography variant="body2" color="text.secondary" component="div">
                      <ReferenceField source="initiativeId" reference="initiatives" link={false} /> · {format.date(r.periodStart)} – {format.date(r.periodEnd)}
                    </Typography>
                  </Box>
                  <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                    {translate('vangnet.rounds.remaining', { amount: format.euro(r.remainingCents) })}
                  </Typography>
                </Stack>
              </Box>
            </RecordContextProvider>
          ))}
        </Box>
      )}
    </Section>
  );
}
