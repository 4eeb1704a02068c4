import { commitments as contract } from '../contract/commitments.js';
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
  cascades: { tranches: 'commitment_id' },
  afterCreate: async (trx, created, input): Promise<Record<string, number[]>> => {
    if (!input.trancheSchedule) return {};
    const rows = generateTranches(created.startDate, created.endDate, created.amountCents, input.trancheSchedule).map((t) => ({
      commitment_id: created.id,
      period_start: t.periodStart,
      period_end: t.periodEnd,
      amount_cents: t.amountCents,
      due_on: t.periodStart,
      status: 'planned',
    }));
    // At most 3,600 monthly tranches (300 years × 12) × 6 columns: one statement stays far below PostgreSQL's parameter limit.
    const inserted = rows.length ? await trx('tranches').insert(rows).returning<{ id: number }[]>('id') : [];
    return { tranches: inserted.map((r) => r.id) };
  },
  staleInitiatives: async (_trx, before, after) => initiativesOf(before, after),
});
