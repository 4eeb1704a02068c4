// Co-financing rounds and pledges (design/cofinancing.md). The initiative and admins open and close
// rounds and propose pledges; a funder pledges, and withdraws, for its own funder only. Confirming
// is services/cofinancing.ts, since it creates the commitment in the same transaction.
import { cofinancingRounds as roundContract, pledges as pledgeContract } from '../contract/cofinancing.js';
import { loadFunding } from '../data/funding.js';
import { matchCapCents, periodShortfallCents } from '../domain/cofinancing.js';
import { addDays, addYears } from '../domain/dates.js';
import { forbidden, reason, unprocessable, validationError } from '../errors.js';
import { ADMIN_ONLY, ANY_ROLE, defineResource, writesBy } from './resource.js';

// The pledged (pledged or confirmed) and confirmed money of each round, for the read-only amounts.
const pledgeTotals = `LEFT JOIN LATERAL (
  SELECT coalesce(sum(p.amount_cents) FILTER (WHERE p.status IN ('pledged', 'confirmed')), 0)::bigint AS pledged,
         coalesce(sum(p.amount_cents) FILTER (WHERE p.status = 'confirmed'), 0)::bigint AS confirmed
  FROM pledges p WHERE p.round_id = cofinancing_rounds.id) AS pledge_totals ON true`;

export const cofinancingRounds = defineResource(roundContract, {
  computed: {
    pledgedCents: 'pledge_totals.pledged',
    confirmedCents: 'pledge_totals.confirmed',
    remainingCents: 'greatest(cofinancing_rounds.target_cents - pledge_totals.pledged, 0)',
  },
  access: { read: ANY_ROLE, write: writesBy(['admin', 'initiative']) },
  from: (q) => {
    q.joinRaw(pledgeTotals);
  },
  initiativeSql: 'cofinancing_rounds.initiative_id',
  references: { initiativeId: 'initiatives', gapId: 'gaps' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: null }),
  cascades: { pledges: 'round_id' },
  // A new round without a period or target takes them from its gap, else from its period's
  // shortfall; the defaults are filled in here because they need the database.
  check: async (trx, next) => {
    if (next.gapId !== null) {
      const gap = await trx('gaps')
        .where({ id: next.gapId, initiative_id: next.initiativeId })
        .first<{ kind: string; period_start: string; period_end: string; shortfall_cents: number } | undefined>('kind', 'period_start', 'period_end', 'shortfall_cents');
      if (!gap) throw validationError({ gapId: reason('field.existing_record', { resource: 'gaps' }) });
      // An expiring gap's period is the ending commitment's: the money is missing in the year after it.
      const [start, end] = gap.kind === 'expiring' ? [addDays(gap.period_end, 1), addYears(gap.period_end, 1)] : [gap.period_start, gap.period_end];
      next.periodStart ??= start;
      next.periodEnd ??= end;
      if (next.targetCents === null && gap.shortfall_cents > 0 && next.periodStart === gap.period_start && next.periodEnd === gap.period_end) next.targetCents = gap.shortfall_cents;
    }
    if (next.periodStart === null || next.periodEnd === null) {
      throw validationError({ ...(next.periodStart === null ? { periodStart: reason('field.required') } : {}), ...(next.periodEnd === null ? { periodEnd: reason('field.required') } : {}) });
    }
    if (next.periodEnd < next.periodStart) throw validationError({ periodEnd: reason('field.on_or_after', { field: 'periodStart' }) });
    if (next.targetCents === null) {
      const [funding] = await loadFunding(trx, [next.initiativeId]);
      next.targetCents = funding ? periodShortfallCents(funding, next.periodStart, next.periodEnd) : 0;
    }
  },
});

interface RoundRow {
  initiative_id: number;
  status: string;
}

export const pledges = defineResource(pledgeContract, {
  access: { read: ANY_ROLE, write: { create: ANY_ROLE, update: ANY_ROLE, delete: ADMIN_ONLY } },
  initiativeSql: '(SELECT r.initiative_id FROM cofinancing_rounds r WHERE r.id = pledges.round_id)',
  references: { roundId: 'cofinancing-rounds', funderId: 'funders', matchPledgeId: 'pledges' },
  tenantOf: async (trx, r) => {
    const round = r.roundId ? await trx('cofinancing_rounds').where({ id: r.roundId }).first<RoundRow | undefined>('initiative_id') : undefined;
    return { initiativeId: round?.initiative_id ?? null, funderId: r.funderId ?? null };
  },
  check: async (trx, next, prev, actor) => {
    if (prev?.status === 'confirmed') {
      throw unprocessable('This pledge is confirmed: its commitment exists; change the commitment instead.', { status: reason('pledge.confirmed_final') });
    }
    next.status ??= actor.role === 'funder' ? 'pledged' : 'proposed';
    if (next.status === 'confirmed') {
      throw unprocessable('A pledge is confirmed with POST /api/pledges/{id}/confirm, which creates its commitment.', { status: reason('pledge.confirm_action') });
    }
    // The initiative proposes and may withdraw its proposal; pledging is the funder's.
    if (actor.role === 'initiative' && ((prev && prev.status !== 'proposed') || next.status === 'pledged')) {
      throw forbidden('Only the funder itself pledges; the initiative proposes.', { status: reason('pledge.funder_pledges') });
    }
    const round = await trx('cofinancing_rounds').where({ id: next.roundId }).first<RoundRow>('initiative_id', 'status');
    if (round.status === 'closed') throw unprocessable('This round is closed.', { roundId: reason('round.closed') });
    if (next.condition === 'match') {
      const matched = await trx('pledges')
        .where({ id: next.matchPledgeId!, round_id: next.roundId })
        .modify((q) => {
          if (prev) q.whereNot({ id: prev.id });
        })
        .first<{ amount_cents: number } | undefined>('amount_cents');
      if (!matched) throw validationError({ matchPledgeId: reason('field.existing_record', { resource: 'pledges' }) });
      const cap = next.ratioPercent === null ? null : matchCapCents(matched.amount_cents, next.ratioPercent);
      if (cap !== null && next.amountCents > cap) {
        throw unprocessable(`A match of ${next.ratioPercent}% is at most ${cap} cents.`, { amountCents: reason('pledge.exceeds_match', { maxCents: cap }) });
      }
    }
  },
});
