// DESIGN.md "Coverage": per calendar year, what each funder has committed, against the need of
// that year. Years across, funders down; the bottom rows give the totals and the coverage. A need
// carried forward from the last budget is marked "geschat".
import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useCoverage } from '../api/queries';
import { useLiveFigures } from '../gaps/useLiveFigures';
import { EnumChip } from '../common/enums';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Empty, LoadError, Loading } from '../common/states';

/** Green from full coverage, amber from the 75% of the five-year-risk rule, red below. */
export function coverageColor(coverage: number | null): string {
  if (coverage === null) return 'text.secondary';
  if (coverage >= 1) return 'success.main';
  if (coverage >= 0.75) return 'warning.dark';
  return 'error.main';
}

function Amount({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return (
    <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined }}>
      {children}
    </TableCell>
  );
}

/** "geschat" beside a need that carries the last budget forward. */
function EstimatedMarker() {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', fontStyle: 'italic', lineHeight: 1.2 }} data-testid="coverage-estimated">
      {translate('vangnet.coverage.estimated')}*
    </Typography>
  );
}

export function CoverageMatrix({ initiativeId, years = 5 }: { initiativeId: number; years?: number }) {
  const { refetchInterval } = useLiveFigures();
  const { data, isPending } = useCoverage(initiativeId, years, { refetchInterval });
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();

  let content: ReactNode;
  if (isPending) content = <Loading />;
  else if (!data) content = <LoadError />;
  else {
    const funders = data.funders.filter((f) => f.committedCents > 0);
    content = (
      <>
        {funders.length === 0 ? <Empty message="vangnet.coverage.empty" /> : null}
        <TableContainer>
          <Table size="small" data-testid="coverage-matrix">
            <TableHead>
              <TableRow>
                <TableCell>{translate('vangnet.coverage.funder')}</TableCell>
                {data.years.map((y) => (
                  <TableCell key={y.year} align="right">
                    {y.year}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {funders.map((f) => (
                <TableRow key={f.id} data-testid="coverage-funder-row">
                  <TableCell>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                      <Link to={createPath({ resource: 'funders', id: f.id, type: 'show' })}>{f.name}</Link>
                      <EnumChip name="funderType" value={f.type} />
                    </Box>
                  </TableCell>
                  {data.years.map((y) => (
                    <Amount key={y.year}>{y.committedByFunderId[String(f.id)] ? format.wholeEuro(y.committedByFunderId[String(f.id)]) : ''}</Amount>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{translate('vangnet.coverage.total_committed')}</TableCell>
                {data.years.map((y) => (
                  <Amount key={y.year} strong>
                    {format.wholeEuro(y.committedCents)}
                  </Amount>
                ))}
              </TableRow>
              <TableRow>
                <TableCell>{translate('vangnet.coverage.pipeline')}</TableCell>
                {data.years.map((y) => (
                  <Amount key={y.year}>{format.wholeEuro(y.pipelineCents)}</Amount>
                ))}
              </TableRow>
              <TableRow>
                <TableCell>{translate('vangnet.coverage.need')}</TableCell>
                {data.years.map((y) => (
                  <Amount key={y.year}>
                    {format.wholeEuro(y.needCents)}
                    {y.needEstimated ? <EstimatedMarker /> : null}
                  </Amount>
                ))}
              </TableRow>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{translate('vangnet.coverage.coverage')}</TableCell>
                {data.years.map((y) => (
                  <TableCell key={y.year} align="right" sx={{ fontWeight: 600, color: coverageColor(y.coverage) }}>
                    {y.coverage === null ? translate('vangnet.common.none') : format.percent(y.coverage)}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </TableContainer>
        {data.budgetThrough !== null && data.years.some((y) => y.needEstimated) ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="coverage-estimated-note">
            * {translate('vangnet.coverage.estimated_note', { year: data.budgetThrough })}
          </Typography>
        ) : null}
      </>
    );
  }
  return (
    <Section title={translate('vangnet.coverage.title')} testId="coverage-section">
      {content}
    </Section>
  );
}
