// A co-financing round: the table where funders meet. Its target, progress (confirmed / pledged /
// remaining, as a bar and in words), each funder's pledge with its status and condition and what
// the user may do with it, and the runway with the round's open pledges as a scenario.
import { Alert, Box, Button, Grid, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import {
  Link,
  ReferenceField,
  Show,
  TextField as RaTextField,
  useCreatePath,
  useGetList,
  useGetMany,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
  WithRecord,
} from 'react-admin';
import { TRANCHE_SCHEDULES } from '../../../server/contract/enums';
import { useVangnetData } from '../api/queries';
import type { CofinancingRound, Funder, Pledge, PledgeStatus } from '../api/types';
import { getUser } from '../authProvider';
import { EnumChip, EnumField, enumLabel } from '../common/enums';
import { DayField, EuroField, useFormat } from '../common/fields';
import { FieldCell } from '../common/layout';
import { Section } from '../common/Section';
import { ChartLoading, FormError, LoadError } from '../common/states';
import { parseEuroCents } from '../format/money';
import { useWhatIf } from '../scenarios/WhatIfSection';

const ScenarioChart = lazy(() => import('../scenarios/ScenarioChart'));

/** Confirmed, then pledged but not yet confirmed, then what is still needed: three parts of one bar. */
function Progress({ round }: { round: CofinancingRound }) {
  const translate = useTranslate();
  const format = useFormat();
  const target = Math.max(round.targetCents, 1);
  const confirmed = Math.min(100, (round.confirmedCents / target) * 100);
  const pledged = Math.min(100, (round.pledgedCents / target) * 100);
  const words = translate('vangnet.rounds.progress_text', {
    confirmed: format.euro(round.confirmedCents),
    pledged: format.euro(round.pledgedCents),
    target: format.euro(round.targetCents),
    remaining: format.euro(round.remainingCents),
  });
  return (
    <Box data-testid="round-progress">
      <LinearProgress
        variant="buffer"
        value={confirmed}
        valueBuffer={pledged}
        aria-label={translate('vangnet.rounds.progress')}
        aria-valuetext={words}
        sx={{ height: 14, borderRadius: 1, '& .MuiLinearProgress-dashed': { animation: 'none', backgroundImage: 'none' } }}
      />
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="round-progress-text">
        {words}
      </Typography>
    </Box>
  );
}

function ScheduleSelect({ value, onChange, id }: { value: string; onChange: (v: string) => void; id: string }) {
  const translate = useTranslate();
  return (
    <TextField select size="small" label={translate('vangnet.rounds.schedule')} value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 160 }} id={id}>
      {TRANCHE_SCHEDULES.map((s) => (
        <MenuItem key={s} value={s}>
          {translate(enumLabel('trancheSchedule', s))}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** What the user may do with one pledge: a funder pledges, confirms and withdraws its own; the initiative withdraws its proposals. */
function PledgeActions({ pledge, round }: { pledge: Pledge; round: CofinancingRound }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dp = useVangnetData();
  const [update, { isPending }] = useUpdate<Pledge>();
  const [schedule, setSchedule] = useState('once');
  const user = getUser();
  if (!user || round.status !== 'open' || pledge.status === 'confirmed' || pledge.status === 'withdrawn') return null;
  const own = user.role === 'admin' || (user.role === 'funder' && user.funderId === pledge.funderId);
  const mayWithdraw = own || (user.role === 'initiative' && pledge.status === 'proposed');
  const done = () => {
    notify('vangnet.rounds.changed', { type: 'success' });
    refresh();
  };
  const failed = (error: unknown) => notify(error instanceof Error ? error.message : String(error), { type: 'error' });
  const setStatus = (status: PledgeStatus) =>
    update('pledges', { id: pledge.id, data: { ...pledge, status }, previousData: pledge }, { mutationMode: 'pessimistic', onSuccess: done, onError: failed });
  const confirm = async () => {
    try {
      await dp.confirmPledge(pledge.id, { version: pledge.version, trancheSchedule: schedule });
      done();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
      {own && pledge.status === 'proposed' ? (
        <Button size="small" variant="outlined" disabled={isPending} onClick={() => setStatus('pledged')} data-testid="pledge-pledge">
          {translate('vangnet.rounds.pledge_action')}
        </Button>
      ) : null}
      {own && pledge.status === 'pledged' ? (
        <>
          <ScheduleSelect value={schedule} onChange={setSchedule} id={`schedule-${pledge.id}`} />
          <Button size="small" variant="contained" onClick={() => void confirm()} data-testid="pledge-confirm">
            {translate('vangnet.rounds.confirm_action')}
          </Button>
        </>
      ) : null}
      {mayWithdraw ? (
        <Button size="small" color="warning" disabled={isPending} onClick={() => setStatus('withdrawn')} data-testid="pledge-withdraw">
          {translate('vangnet.rounds.withdraw_action')}
        </Button>
      ) : null}
    </Stack>
  );
}

function PledgeTable({ round, pledges }: { round: CofinancingRound; pledges: readonly Pledge[] }) {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const { data: funders } = useGetMany<Funder>('funders', { ids: [...new Set(pledges.map((p) => p.funderId))] });
  const name = (id: number) => funders?.find((f) => f.id === id)?.name ?? `#${id}`;
  if (!pledges.length) return <Typography variant="body2" color="text.secondary">{translate('vangnet.rounds.no_pledges')}</Typography>;
  return (
    <Table size="small" data-testid="round-pledges">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.pledges.fields.funderId')}</TableCell>
          <TableCell align="right">{translate('resources.pledges.fields.amountCents')}</TableCell>
          <TableCell>{translate('resources.pledges.fields.status')}</TableCell>
          <TableCell>{translate('resources.pledges.fields.condition')}</TableCell>
          <TableCell>{translate('vangnet.rounds.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {pledges.map((p) => {
          const matched = pledges.find((m) => m.id === p.matchPledgeId);
          return (
            <TableRow key={p.id} data-testid="round-pledge" data-status={p.status}>
              <TableCell component="th" scope="row">
                {name(p.funderId)}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {format.euro(p.amountCents)}
              </TableCell>
              <TableCell>
                <EnumChip name="pledgeStatus" value={p.status} />
                {p.commitmentId ? (
                  <Box component="span" sx={{ ml: 1 }}>
                    <Link to={createPath({ resource: 'commitments', id: p.commitmentId, type: 'show' })}>{translate('vangnet.rounds.commitment_link')}</Link>
                  </Box>
                ) : null}
              </TableCell>
              <TableCell>
                {p.condition === 'match' && matched
                  ? translate('vangnet.rounds.match_text', { ratio: p.ratioPercent ?? 100, funder: name(matched.funderId) })
                  : translate(enumLabel('pledgeCondition', p.condition))}
              </TableCell>
              <TableCell>
                <PledgeActions pledge={p} round={round} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The initiative (or an admin) proposes a funder's pledge; a funder pledges its own, optionally as a match. */
function PledgeForm({ round, pledges }: { round: CofinancingRound; pledges: readonly Pledge[] }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dp = useVangnetData();
  const user = getUser();
  const isFunder = user?.role === 'funder';
  const { data: funders } = useGetList<Funder>('funders', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } }, { enabled: !isFunder });
  const [funderId, setFunderId] = useState('');
  const [amount, setAmount] = useState('');
  const [matchId, setMatchId] = useState('');
  const [ratio, setRatio] = useState('50');
  const [error, setError] = useState<string | null>(null);
  const format = useFormat();
  // A pledge can match another funder's pledge (not a withdrawn one, and for a funder not its own).
  const matchable = pledges.filter((p) => p.status !== 'withdrawn' && (!isFunder || p.funderId !== user?.funderId));
  const { data: pledgers } = useGetMany<Funder>('funders', { ids: [...new Set(matchable.map((p) => p.funderId))] });
  const pledgeName = (p: Pledge) => `${pledgers?.find((f) => f.id === p.funderId)?.name ?? `#${p.funderId}`}, ${format.euro(p.amountCents)}`;
  if (!user || round.status !== 'open') return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuroCents(amount);
    const funder = isFunder ? user.funderId : Number(funderId);
    if (cents === null || cents <= 0 || !funder) {
      setError(translate('vangnet.rounds.form_invalid'));
      return;
    }
    setError(null);
    const match = matchId ? { condition: 'match', matchPledgeId: Number(matchId), ratioPercent: Number(ratio) } : {};
    try {
      await dp.create('pledges', { data: { roundId: round.id, funderId: funder, amountCents: cents, ...match } });
      notify('vangnet.rounds.changed', { type: 'success' });
      setAmount('');
      refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} sx={{ mt: 2 }} aria-label={translate(isFunder ? 'vangnet.rounds.pledge_title' : 'vangnet.rounds.propose_title')} data-testid="pledge-form">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate(isFunder ? 'vangnet.rounds.pledge_title' : 'vangnet.rounds.propose_title')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} useFlexGap flexWrap="wrap" alignItems={{ md: 'flex-start' }}>
        {isFunder ? null : (
          <TextField select size="small" label={translate('resources.pledges.fields.funderId')} value={funderId} onChange={(e) => setFunderId(e.target.value)} sx={{ minWidth: 220 }}>
            {(funders ?? []).map((f) => (
              <MenuItem key={f.id} value={String(f.id)}>
                {f.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField size="small" label={translate('vangnet.whatif.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'pledge-amount' } }} />
        {matchable.length ? (
          <TextField select size="small" label={translate('vangnet.rounds.match_of')} value={matchId} onChange={(e) => setMatchId(e.target.value)} sx={{ minWidth: 200 }}>
            <MenuItem value="">{translate('vangnet.rounds.no_match')}</MenuItem>
            {matchable.map((p) => (
              <MenuItem key={p.id} value={String(p.id)}>
                {pledgeName(p)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {matchId ? (
          <TextField size="small" label={translate('resources.pledges.fields.ratioPercent')} value={ratio} onChange={(e) => setRatio(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        ) : null}
        <Button type="submit" variant="outlined" sx={{ flexShrink: 0 }} data-testid="pledge-submit">
          {translate(isFunder ? 'vangnet.rounds.pledge_action' : 'vangnet.rounds.propose_action')}
        </Button>
      </Stack>
      <FormError message={error} />
    </Box>
  );
}

/** The runway with the pledges not yet confirmed counted as committed: what the round would bring. */
function RoundRunway({ round, pledges }: { round: CofinancingRound; pledges: readonly Pledge[] }) {
  const translate = useTranslate();
  const open = pledges.filter((p) => p.status === 'pledged' || p.status === 'proposed');
  const { data, error } = useWhatIf(round.initiativeId, {
    add: open.map((p) => ({ funderId: p.funderId, amountCents: p.amountCents, startDate: round.periodStart, endDate: round.periodEnd })),
  });
  return (
    <Section title={translate('vangnet.rounds.runway_title')} testId="round-runway">
      {error ? <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert> : !data ? <ChartLoading /> : (
        <Suspense fallback={<ChartLoading />}>
          <ScenarioChart answer={data} />
        </Suspense>
      )}
    </Section>
  );
}

function RoundBody() {
  const round = useRecordContext<CofinancingRound>();
  const translate = useTranslate();
  const { data: pledges, error } = useGetList<Pledge>('pledges', { filter: { roundId: round?.id }, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } }, { enabled: !!round });
  if (!round) return null;
  if (error) return <LoadError />;
  const list = pledges ?? [];
  return (
    <>
      <Section title={round.title} testId="round-overview">
        <Grid container spacing={2} sx={{ mb: 2 }}>
          <FieldCell source="initiativeId">
            <ReferenceField source="initiativeId" reference="initiatives" link="show" />
          </FieldCell>
          <FieldCell source="periodStart">
            <DayField source="periodStart" />
          </FieldCell>
          <FieldCell source="periodEnd">
            <DayField source="periodEnd" />
          </FieldCell>
          <FieldCell source="targetCents">
            <EuroField source="targetCents" />
          </FieldCell>
          <FieldCell source="status">
            <EnumField source="status" enumName="roundStatus" />
          </FieldCell>
          <Grid size={12}>
            <RaTextField source="note" variant="body2" color="text.secondary" emptyText="" />
          </Grid>
        </Grid>
        <Progress round={round} />
      </Section>
      <Section title={translate('resources.pledges.name', { smart_count: 2 })} testId="round-pledges-section">
        <PledgeTable round={round} pledges={list} />
        <PledgeForm round={round} pledges={list} />
      </Section>
      <RoundRunway round={round} pledges={list} />
    </>
  );
}

export function RoundShow() {
  return (
    <Show component="div">
      <WithRecord<CofinancingRound> render={() => <RoundBody />} />
    </Show>
  );
}
