import { commitments as contract } from '../contract/commitments.js';
import type { Knex } from 'knex';
import type { ReportingSchedule, TrancheSchedule } from '../domain/enums.js';
import { DEFAULT_REPORT_DUE_MONTHS, generateObligations } from '../domain/obligationSchedule.js';
import { generateTranches } from '../domain/schedule.js';
import { reason, unprocessable } from '../errors.js';
import { ANY_ROLE, defineResource, initiativesOf, writesBy } from './resource.js';

// Tranche totals of each commitment, for the read-only amounts.
const trancheTotals = `LEFT JOIN LATERAL (
  SELECT coalesce(sum(t.amount_cents) FILTER (WHERE t.status <> 'cancelled'), 0)::bigint AS scheduled,
         coalesce(sum(t.amount_cents) FILTER (WHERE t.status = 'received'), 0)::bigint AS received
  FROM tranches t WHERE t.commitment_id = commitments.id) AS tranche_totals ON true`;

export const commitments = defineResource(contract, {
  computed: {
    scheduledCents: 'tranche_totals.scheduled',
    receivedCents: 'tranche_totals.received',
    unscheduledCents: '(commitments.amount_cents - tranche_totals.scheduled)',
    remainingCents: '(commitments.amount_cents - tranche_totals.received)',
  },
  access: { read: ANY_ROLE, write: writesBy(ANY_ROLE) },
  from: (q) => {
    q.joinRaw(trancheTotals);
  },
  initiativeSql: 'commitments.initiative_id',
  references: { initiativeId: 'initiatives', funderId: 'funders' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: r.funderId ?? null }),
  check: async (trx, next, prev) => {
    if (!prev) return;
    // A changed period or amount must still hold the tranches already scheduled.
    const totals = await trx('tranches')
      .where({ commitment_id: prev.id })
      .whereNot({ status: 'cancelled' })
      .select(
        trx.raw('coalesce(sum(amount_cents), 0)::bigint AS scheduled'),
        trx.raw('min(period_start) AS first_start'),
        trx.raw('max(period_end) AS last_end'),
      )
      .first<{ scheduled: number; first_start: string | null; last_end: string | null }>();
    const outside = await trx('tranches')
      .where({ commitment_id: prev.id })
      .where((w) => w.where('period_start', '<', next.startDate).orWhere('period_end', '>', next.endDate))
      .first('id');
    if (outside) {
      throw unprocessable('A tranche of this commitment would fall outside its period.', {
        startDate: reason('commitment.excludes_tranches'),
        endDate: reason('commitment.excludes_tranches'),
      });
    }
    if (totals && totals.scheduled > next.amountCents) {
      throw unprocessable('The amount is less than the tranches already scheduled.', {
        amountCents: reason('commitment.below_scheduled', { scheduledCents: totals.scheduled }),
      });
    }
  },
  cascades: { tranches: 'commitment_id', obligations: 'commitment_id' },
  afterCreate: async (trx, created, input): Promise<Record<string, number[]>> => {
    const tranches = await createTranches(trx, created, input.trancheSchedule);
    const obligations = await createObligations(trx, created, input.reportingSchedule, input.reportDueMonths);
    return { ...(tranches.length ? { tranches } : {}), ...(obligations.length ? { obligations } : {}) };
  },
  staleInitiatives: async (_trx, before, after) => initiativesOf(before, after),
});

interface Created {
  id: number;
  startDate: string;
  endDate: string;
  amountCents: number;
}

async function createTranches(trx: Knex.Transaction, created: Created, schedule: TrancheSchedule | null | undefined): Promise<number[]> {
  if (!schedule) return [];
  const rows = generateTranches(created.startDate, created.endDate, created.amountCents, schedule).map((t) => ({
    commitment_id: created.id,
    period_start: t.periodStart,
    period_end: t.periodEnd,
    amount_cents: t.amountCents,
    due_on: t.periodStart,
    status: 'planned',
  }));
  // At most 3,600 monthly tranches (300 years × 12) × 6 columns: one statement stays far below PostgreSQL's parameter limit.
  const inserted = rows.length ? await trx('tranches').insert(rows).returning<{ id: number }[]>('id') : [];
  return inserted.map((r) => r.id);
}

/** The reporting obligations on the schedule; `per_tranche` follows the tranches just generated. */
async function createObligations(trx: Knex.Transaction, created: Created, schedule: ReportingSchedule | null | undefined, dueMonths: number | null | undefined): Promise<number[]> {
  if (!schedule || schedule === 'none') return [];
  const tranches = await trx('tranches')
    .where({ commitment_id: created.id })
    .whereNot({ status: 'cancelled' })
    .select<{ period_start: string; period_end: string }[]>('period_start', 'period_end');
  const generated = generateObligations(
    { startDate: created.startDate, endDate: created.endDate, tranches: tranches.map((t) => ({ periodStart: t.period_start, periodEnd: t.period_end })) },
    schedule,
    dueMonths ?? DEFAULT_REPORT_DUE_MONTHS,
  );
  if (!generated.length) return [];
  // A yearly schedule over 300 years is 600 rows × 7 columns: far below PostgreSQL's parameter limit.
  const inserted = await trx('obligations')
    .insert(generated.map((o) => ({ commitment_id: created.id, kind: o.kind, title: o.title, period_start: o.periodStart, period_end: o.periodEnd, due_on: o.dueOn, status: 'open' })))
    .returning<{ id: number }[]>('id');
  return inserted.map((r) => r.id);
}
