import { z } from 'zod';
import { TRANCHE_STATUSES } from '../domain/enums.js';
import { fieldError, unprocessable } from '../errors.js';
import { cents, enumOf, id, isoDate, optional } from './fields.js';
import type { ResourceDef } from './resource.js';

interface CommitmentRow {
  initiative_id: number;
  funder_id: number;
  start_date: string;
  end_date: string;
  amount_cents: number;
}

export const tranches: ResourceDef = {
  name: 'tranches',
  table: 'tranches',
  fields: {
    id: { sql: 'tranches.id', kind: 'id', sortable: true, filterable: true },
    commitmentId: { sql: 'tranches.commitment_id', kind: 'id', sortable: true, filterable: true, column: 'commitment_id', fixed: true },
    periodStart: { sql: 'tranches.period_start', kind: 'date', sortable: true, filterable: true, column: 'period_start' },
    periodEnd: { sql: 'tranches.period_end', kind: 'date', sortable: true, filterable: true, column: 'period_end' },
    amountCents: { sql: 'tranches.amount_cents', kind: 'int', sortable: true, filterable: true, column: 'amount_cents' },
    dueOn: { sql: 'tranches.due_on', kind: 'date', sortable: true, nullable: true, filterable: true, column: 'due_on' },
    status: { sql: 'tranches.status', kind: 'enum', values: TRANCHE_STATUSES, sortable: true, filterable: true, column: 'status' },
    receivedOn: { sql: 'tranches.received_on', kind: 'date', sortable: true, nullable: true, filterable: true, column: 'received_on' },
    version: { sql: 'tranches.version', kind: 'int' },
  },
  search: [],
  defaultSort: ['periodStart', 'ASC'],
  input: z
    .object({
      commitmentId: id(),
      periodStart: isoDate(),
      periodEnd: isoDate(),
      amountCents: cents(),
      dueOn: optional(isoDate()),
      status: enumOf(TRANCHE_STATUSES).default('planned'),
      receivedOn: optional(isoDate()),
    })
    .refine((t) => t.periodEnd >= t.periodStart, { path: ['periodEnd'], error: 'must be on or after periodStart' }),
  references: { commitmentId: 'commitments' },
  initiativeSql: '(SELECT c.initiative_id FROM commitments c WHERE c.id = tranches.commitment_id)',
  tenantOf: async (trx, r) => {
    const c = await trx('commitments').where({ id: r.commitmentId as number }).first<CommitmentRow | undefined>('initiative_id', 'funder_id');
    return c ? { initiativeId: c.initiative_id, funderId: c.funder_id } : null;
  },
  check: async (trx, next, prev) => {
    // Lock the commitment so two tranche writes cannot both pass the sum check.
    const commitment = await trx('commitments')
      .where({ id: next.commitmentId as number })
      .forUpdate()
      .first<CommitmentRow | undefined>('start_date', 'end_date', 'amount_cents');
    if (!commitment) throw fieldError('commitmentId', 'must be the id of an existing record');
    if ((next.periodStart as string) < commitment.start_date || (next.periodEnd as string) > commitment.end_date) {
      throw unprocessable(`A tranche must lie inside its commitment's period (${commitment.start_date} to ${commitment.end_date}).`, {
        periodStart: `must be on or after ${commitment.start_date}`,
        periodEnd: `must be on or before ${commitment.end_date}`,
      });
    }
    if (next.status === 'cancelled') return;
    const others = await trx('tranches')
      .where({ commitment_id: next.commitmentId as number })
      .whereNot({ status: 'cancelled' })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first<{ total: number }>(trx.raw('coalesce(sum(amount_cents), 0)::bigint AS total'));
    const total = (others?.total ?? 0) + (next.amountCents as number);
    if (total > commitment.amount_cents) {
      throw unprocessable("The tranches would add up to more than the commitment's amount.", {
        amountCents: `must be at most ${commitment.amount_cents - (others?.total ?? 0)} cents: the other tranches already schedule ${others?.total ?? 0} of ${commitment.amount_cents}`,
      });
    }
  },
};
