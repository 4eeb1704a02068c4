import { tranches as contract } from '../contract/tranches.js';
import { fieldError, reason, unprocessable } from '../errors.js';
import { ANY_ROLE, defineResource, writesBy } from './resource.js';

interface CommitmentRow {
  initiative_id: number;
  funder_id: number;
  start_date: string;
  end_date: string;
  amount_cents: number;
}

export const tranches = defineResource(contract, {
  access: { read: ANY_ROLE, write: writesBy(ANY_ROLE) },
  references: { commitmentId: 'commitments' },
  initiativeSql: '(SELECT c.initiative_id FROM commitments c WHERE c.id = tranches.commitment_id)',
  tenantOf: async (trx, r) => {
    const c = r.commitmentId === undefined ? undefined : await trx('commitments').where({ id: r.commitmentId }).first<CommitmentRow | undefined>('initiative_id', 'funder_id');
    return c ? { initiativeId: c.initiative_id, funderId: c.funder_id } : null;
  },
  check: async (trx, next, prev) => {
    // Lock the commitment so two tranche writes cannot both pass the sum check.
    const commitment = await trx('commitments')
      .where({ id: next.commitmentId })
      .forUpdate()
      .first<CommitmentRow | undefined>('start_date', 'end_date', 'amount_cents');
    if (!commitment) throw fieldError('commitmentId', reason('field.existing_record', {}));
    if (next.periodStart < commitment.start_date || next.periodEnd > commitment.end_date) {
      const period = { startDate: commitment.start_date, endDate: commitment.end_date };
      throw unprocessable(`A tranche must lie inside its commitment's period (${period.startDate} to ${period.endDate}).`, {
        periodStart: reason('tranche.starts_before_commitment', period),
        periodEnd: reason('tranche.ends_after_commitment', period),
      });
    }
    if (next.status === 'cancelled') return;
    const others = await trx('tranches')
      .where({ commitment_id: next.commitmentId })
      .whereNot({ status: 'cancelled' })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first<{ total: number }>(trx.raw('coalesce(sum(amount_cents), 0)::bigint AS total'));
    const scheduledCents = others?.total ?? 0;
    if (scheduledCents + next.amountCents > commitment.amount_cents) {
      throw unprocessable("The tranches would add up to more than the commitment's amount.", {
        amountCents: reason('tranche.exceeds_commitment', {
          availableCents: commitment.amount_cents - scheduledCents,
          scheduledCents,
          amountCents: commitment.amount_cents,
        }),
      });
    }
  },
  staleInitiatives: async (trx, before, after) => {
    const commitmentIds = [before, after].flatMap((t) => (t ? [t.commitmentId] : []));
    if (!commitmentIds.length) return [];
    const rows = await trx('commitments').whereIn('id', commitmentIds).distinct<{ initiative_id: number }[]>('initiative_id');
    return rows.map((r) => r.initiative_id);
  },
});
