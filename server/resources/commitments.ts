import { z } from 'zod';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, TRANCHE_SCHEDULES } from '../domain/enums.js';
import { generateTranches } from '../domain/schedule.js';
import type { TrancheSchedule } from '../domain/enums.js';
import { unprocessable } from '../errors.js';
import { bool, cents, enumOf, id, isoDate, optional, optionalText, text } from './fields.js';
import type { ResourceDef } from './resource.js';

// Tranche totals of each commitment, for the read-only amounts.
const trancheTotals = `LEFT JOIN LATERAL (
  SELECT coalesce(sum(t.amount_cents) FILTER (WHERE t.status <> 'cancelled'), 0)::bigint AS scheduled,
         coalesce(sum(t.amount_cents) FILTER (WHERE t.status = 'received'), 0)::bigint AS received
  FROM tranches t WHERE t.commitment_id = commitments.id) AS tranche_totals ON true`;

export const commitments: ResourceDef = {
  name: 'commitments',
  table: 'commitments',
  fields: {
    id: { sql: 'commitments.id', kind: 'id', sortable: true, filterable: true },
    initiativeId: { sql: 'commitments.initiative_id', kind: 'id', sortable: true, filterable: true, column: 'initiative_id', fixed: true },
    funderId: { sql: 'commitments.funder_id', kind: 'id', sortable: true, filterable: true, column: 'funder_id', fixed: true },
    title: { sql: 'commitments.title', kind: 'text', sortable: true, filterable: true, column: 'title' },
    reference: { sql: 'commitments.reference', kind: 'text', filterable: true, column: 'reference' },
    programme: { sql: 'commitments.programme', kind: 'text', sortable: true, nullable: true, filterable: true, column: 'programme' },
    kind: { sql: 'commitments.kind', kind: 'enum', values: COMMITMENT_KINDS, sortable: true, filterable: true, column: 'kind' },
    status: { sql: 'commitments.status', kind: 'enum', values: COMMITMENT_STATUSES, sortable: true, filterable: true, column: 'status' },
    startDate: { sql: 'commitments.start_date', kind: 'date', sortable: true, filterable: true, column: 'start_date' },
    endDate: { sql: 'commitments.end_date', kind: 'date', sortable: true, filterable: true, column: 'end_date' },
    amountCents: { sql: 'commitments.amount_cents', kind: 'int', sortable: true, filterable: true, column: 'amount_cents' },
    decisionDate: { sql: 'commitments.decision_date', kind: 'date', sortable: true, nullable: true, filterable: true, column: 'decision_date' },
    renewable: { sql: 'commitments.renewable', kind: 'bool', sortable: true, filterable: true, column: 'renewable' },
    conditionNote: { sql: 'commitments.condition_note', kind: 'text', column: 'condition_note' },
    scheduledCents: { sql: 'tranche_totals.scheduled', kind: 'int', sortable: true, computed: true },
    receivedCents: { sql: 'tranche_totals.received', kind: 'int', sortable: true, computed: true },
    unscheduledCents: { sql: '(commitments.amount_cents - tranche_totals.scheduled)', kind: 'int', sortable: true, computed: true },
    remainingCents: { sql: '(commitments.amount_cents - tranche_totals.received)', kind: 'int', sortable: true, computed: true },
    version: { sql: 'commitments.version', kind: 'int' },
  },
  search: ['commitments.title', 'commitments.reference'],
  defaultSort: ['startDate', 'ASC'],
  input: z
    .object({
      initiativeId: id(),
      funderId: id(),
      title: text(),
      reference: optionalText(200),
      programme: optionalText(200),
      kind: enumOf(COMMITMENT_KINDS),
      status: enumOf(COMMITMENT_STATUSES),
      startDate: isoDate(),
      endDate: isoDate(),
      amountCents: cents(),
      decisionDate: optional(isoDate()),
      renewable: bool().default(false),
      conditionNote: optionalText(5000),
      trancheSchedule: optional(enumOf(TRANCHE_SCHEDULES)),
    })
    .refine((c) => c.endDate >= c.startDate, { path: ['endDate'], error: 'must be on or after startDate' }),
  extraInput: ['trancheSchedule'],
  createOnly: ['trancheSchedule'],
  from: (q) => {
    q.joinRaw(trancheTotals);
  },
  initiativeSql: 'commitments.initiative_id',
  references: { initiativeId: 'initiatives', funderId: 'funders' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId as number, funderId: r.funderId as number }),
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
      .where((w) => w.where('period_start', '<', next.startDate as string).orWhere('period_end', '>', next.endDate as string))
      .first('id');
    if (outside) {
      throw unprocessable('A tranche of this commitment would fall outside its period.', {
        startDate: 'the period must contain every tranche',
        endDate: 'the period must contain every tranche',
      });
    }
    if (totals && totals.scheduled > (next.amountCents as number)) {
      throw unprocessable('The amount is less than the tranches already scheduled.', {
        amountCents: `must be at least the scheduled ${totals.scheduled} cents`,
      });
    }
  },
  cascades: { tranches: 'commitment_id' },
  afterCreate: async (trx, created, input): Promise<Record<string, number[]>> => {
    const schedule = input.trancheSchedule as TrancheSchedule | undefined;
    if (!schedule) return {};
    const rows = generateTranches(created.startDate as string, created.endDate as string, created.amountCents as number, schedule).map((t) => ({
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
};
