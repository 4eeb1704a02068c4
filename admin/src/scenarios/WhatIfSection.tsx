// "Wat als?": the initiative's figures as they are beside a scenario — requested commitments
// counted, a hypothetical commitment added, budgets changed — computed by the API's what-if with
// the same domain code as the runway, coverage and gaps above. A scenario can be saved by name
// (plan B) and opened again; funders who see the initiative see its scenarios.
import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useCreate, useGetList, useNotify, usePermissions, useTranslate } from 'react-admin';
import { FUNDER_TYPES } from '../../../server/contract/enums';
import { useVangnetData } from '../api/queries';
import type { Commitment, Funder, FunderType, Role, Scenario, ScenarioChangesInput } from '../api/types';
import { enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { ChartLoading, FormError, LoadError } from '../common/states';
import { parseEuroCents } from '../format/money';
import { ScenarioCoverage } from './ScenarioCoverage';
import { ScenarioGaps } from './ScenarioGaps';

const ScenarioChart = lazy(() => import('./ScenarioChart'));

export interface Added {
  funderId: number | null;
  funderType: FunderType | null;
  amountCents: number;
  startDate: string;
  endDate: string;
}

export interface Changes {
  include: number[];
  add: Added[];
  budgets: { year: number; amountCents: number }[];
}

const NONE: Changes = { include: [], add: [], budgets: [] };

/** A saved scenario's changes as this form holds them (the form does not leave commitments out or change reserves). */
function fromSaved(s: Scenario): Changes {
  return {
    include: s.changes.include,
    add: s.changes.add.map((a) => ({ funderId: a.funderId, funderType: a.funderType, amountCents: a.amountCents, startDate: a.startDate, endDate: a.endDate })),
    budgets: s.changes.budgets,
  };
}

export function useWhatIf(initiativeId: number, changes: ScenarioChangesInput) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['initiatives', 'what-if', initiativeId, changes],
    queryFn: () => dp.whatIf(initiativeId, changes),
    placeholderData: (previous) => previous,
  });
}

function PipelineToggles({ initiativeId, changes, onChange }: { initiativeId: number; changes: Changes; onChange: (c: Changes) => void }) {
  const translate = useTranslate();
  const format = useFormat();
  const { data } = useGetList<Commitment>('commitments', {
    filter: { initiativeId, status: ['requested', 'conditional'] },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startDate', order: 'ASC' },
  });
  if (!data?.length) return <Typography variant="body2" color="text.secondary">{translate('vangnet.whatif.no_pipeline')}</Typography>;
  const toggle = (id: number) =>
    onChange({ ...changes, include: changes.include.includes(id) ? changes.include.filter((i) => i !== id) : [...changes.include, id] });
  return (
    <FormGroup data-testid="whatif-pipeline">
      {data.map((c) => (
        <FormControlLabel
          key={c.id}
          control={<Checkbox checked={changes.include.includes(c.id)} onChange={() => toggle(c.id)} />}
          label={`${c.title} — ${format.euro(c.amountCents)}, ${format.date(c.startDate)} – ${format.date(c.endDate)} (${translate(enumLabel('commitmentStatus', c.status))})`}
        />
      ))}
    </FormGroup>
  );
}

function AddCommitmentForm({ onAdd }: { onAdd: (a: Added) => void }) {
  const translate = useTranslate();
  const { data: funders } = useGetList<Funder>('funders', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const [funder, setFunder] = useState('type:foundation');
  const [amount, setAmount] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuroCents(amount);
    if (cents === null || cents <= 0 || !startDate || !endDate || endDate < startDate) {
      setError(translate('vangnet.whatif.add_invalid'));
      return;
    }
    setError(null);
    const [kind, value] = funder.split(':') as [string, string];
    onAdd({ funderId: kind === 'id' ? Number(value) : null, funderType: kind === 'type' ? (value as FunderType) : null, amountCents: cents, startDate, endDate });
    setAmount('');
  };
  return (
    <Box component="form" onSubmit={submit} data-testid="whatif-add-form" aria-label={translate('vangnet.whatif.add_title')}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} alignItems={{ md: 'flex-start' }}>
        <TextField select size="small" label={translate('vangnet.whatif.funder')} value={funder} onChange={(e) => setFunder(e.target.value)} sx={{ minWidth: 220 }} slotProps={{ select: { inputProps: { 'data-testid': 'whatif-funder' } } }}>
          {FUNDER_TYPES.map((t) => (
            <MenuItem key={t} value={`type:${t}`}>
              {translate('vangnet.whatif.any_funder', { type: translate(enumLabel('funderType', t)) })}
            </MenuItem>
          ))}
          {(funders ?? []).map((f) => (
            <MenuItem key={f.id} value={`id:${f.id}`}>
              {f.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label={translate('vangnet.whatif.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'whatif-amount' } }} />
        <TextField size="small" type="date" label={translate('vangnet.whatif.start')} value={startDate} onChange={(e) => setStart(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'whatif-start' } }} />
        <TextField size="small" type="date" label={translate('vangnet.whatif.end')} value={endDate} onChange={(e) => setEnd(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'whatif-end' } }} />
        <Button type="submit" variant="outlined" data-testid="whatif-add">
          {translate('vangnet.whatif.add')}
        </Button>
      </Stack>
      <FormError message={error} />
    </Box>
  );
}

function BudgetForm({ onSet }: { onSet: (b: { year: number; amountCents: number }) => void }) {
  const translate = useTranslate();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuroCents(amount);
    const y = Number(year);
    if (cents === null || cents < 0 || !Number.isInteger(y) || y < 1900 || y > 2199) {
      setError(translate('vangnet.whatif.budget_invalid'));
      return;
    }
    setError(null);
    onSet({ year: y, amountCents: cents });
    setAmount('');
  };
  return (
    <Box component="form" onSubmit={submit} data-testid="whatif-budget-form" aria-label={translate('vangnet.whatif.budget_title')}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} alignItems={{ md: 'flex-start' }}>
        <TextField size="small" label={translate('vangnet.whatif.year')} value={year} onChange={(e) => setYear(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'whatif-budget-year' } }} />
        <TextField size="small" label={translate('vangnet.whatif.budget_amount')} value={amount} onChange={(e) => setAmount(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'whatif-budget-amount' } }} />
        <Button type="submit" variant="outlined" data-testid="whatif-budget-set">
          {translate('vangnet.whatif.budget_set')}
        </Button>
      </Stack>
      <FormError message={error} />
    </Box>
  );
}

/** The changes made so far, each removable. */
function ChangeList({ changes, onChange }: { changes: Changes; onChange: (c: Changes) => void }) {
  const translate = useTranslate();
  const format = useFormat();
  if (!changes.add.length && !changes.budgets.length) return null;
  return (
    <Box component="ul" sx={{ pl: 2, my: 1 }} data-testid="whatif-changes">
      {changes.add.map((a, i) => (
        <li key={`add-${i}`}>
          {translate('vangnet.whatif.added', {
            funder: a.funderType ? translate('vangnet.whatif.any_funder', { type: translate(enumLabel('funderType', a.funderType)) }) : `#${a.funderId}`,
            amount: format.euro(a.amountCents),
            start: format.date(a.startDate),
            end: format.date(a.endDate),
          })}
          <IconButton size="small" aria-label={translate('vangnet.whatif.remove')} onClick={() => onChange({ ...changes, add: changes.add.filter((_, j) => j !== i) })}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </li>
      ))}
      {changes.budgets.map((b) => (
        <li key={`budget-${b.year}`}>
          {translate('vangnet.whatif.budget_changed', { year: b.year, amount: format.euro(b.amountCents) })}
          <IconButton size="small" aria-label={translate('vangnet.whatif.remove')} onClick={() => onChange({ ...changes, budgets: changes.budgets.filter((x) => x.year !== b.year) })}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </li>
      ))}
    </Box>
  );
}

function SavedScenarios({ initiativeId, changes, onOpen }: { initiativeId: number; changes: Changes; onOpen: (c: Changes) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Role>();
  const { data } = useGetList<Scenario>('scenarios', { filter: { initiativeId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const [create, { isPending }] = useCreate();
  const [name, setName] = useState('');
  const mayWrite = permissions === 'admin' || permissions === 'initiative';
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    void create(
      'scenarios',
      { data: { initiativeId, name: name.trim(), changes } },
      {
        onSuccess: () => {
          notify('vangnet.whatif.saved', { type: 'success' });
          setName('');
        },
        onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
      },
    );
  };
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }} sx={{ mb: 2 }}>
      {data?.length ? (
        <TextField
          select
          size="small"
          label={translate('vangnet.whatif.open_saved')}
          value=""
          onChange={(e) => {
            const found = data.find((s) => String(s.id) === e.target.value);
            if (found) onOpen(fromSaved(found));
          }}
          sx={{ minWidth: 240 }}
          slotProps={{ select: { inputProps: { 'data-testid': 'whatif-saved' } } }}
        >
          {data.map((s) => (
            <MenuItem key={s.id} value={String(s.id)}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {mayWrite ? (
        <Box component="form" onSubmit={save} sx={{ display: 'flex', gap: 1 }} aria-label={translate('vangnet.whatif.save')}>
          <TextField size="small" label={translate('vangnet.whatif.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'whatif-name' } }} />
          <Button type="submit" variant="contained" disabled={isPending || !name.trim()} data-testid="whatif-save">
            {translate('vangnet.whatif.save')}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}

export function WhatIfSection({ initiativeId }: { initiativeId: number }) {
  const translate = useTranslate();
  const [changes, setChanges] = useState<Changes>(NONE);
  const { data, isPending, error } = useWhatIf(initiativeId, changes);
  const changed = changes.include.length + changes.add.length + changes.budgets.length > 0;
  return (
    <Section title={translate('vangnet.whatif.title')} testId="whatif-section">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('vangnet.whatif.intro')}
      </Typography>
      <SavedScenarios initiativeId={initiativeId} changes={changes} onOpen={setChanges} />
      <Typography variant="subtitle2" component="h3">
        {translate('vangnet.whatif.pipeline_title')}
      </Typography>
      <PipelineToggles initiativeId={initiativeId} changes={changes} onChange={setChanges} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('vangnet.whatif.add_title')}
      </Typography>
      <AddCommitmentForm onAdd={(a) => setChanges((c) => ({ ...c, add: [...c.add, a] }))} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('vangnet.whatif.budget_title')}
      </Typography>
      <BudgetForm onSet={(b) => setChanges((c) => ({ ...c, budgets: [...c.budgets.filter((x) => x.year !== b.year), b].sort((x, y) => x.year - y.year) }))} />
      <ChangeList changes={changes} onChange={setChanges} />
      {changed ? (
        <Button size="small" onClick={() => setChanges(NONE)} data-testid="whatif-reset">
          {translate('vangnet.whatif.reset')}
        </Button>
      ) : null}
      <Box sx={{ mt: 2 }} aria-live="polite" data-testid="whatif-result">
        {isPending ? <ChartLoading /> : error || !data ? (error ? <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert> : <LoadError />) : (
          <>
            <Suspense fallback={<ChartLoading />}>
              <ScenarioChart answer={data} />
            </Suspense>
            <ScenarioCoverage answer={data} />
            <ScenarioGaps answer={data} />
          </>
        )}
      </Box>
    </Section>
  );
}
