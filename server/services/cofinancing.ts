// Co-financing: confirming a pledge creates its funder's commitment to the initiative over the
// round's period in the same transaction, and every change of a pledge tells the round's
// participants (`round.pledge`). The rest of rounds and pledges is the generic resource service.
import type { Knex } from 'knex';
import { recordEvents } from '../data/events.js';
import { matchCapCents } from '../domain/cofinancing.js';
import type { FunderType, TrancheSchedule } from '../domain/enums.js';
import { KIND_OF_FUNDER_TYPE } from '../domain/scenario.js';
import { conflict, forbidden, reason, unprocessable } from '../errors.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { assertOwnTenant, assertRoleMay } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { today } from './clock.js';
import type { ChangeListener, CrudService } from './crud.js';

interface PledgeFacts {
  id: number;
  roundId: number;
  funderId: number;
  status: string;
  amountCents: number;
  version: number;
}

/** Records the `round.pledge` event of a pledge as it is now: told to the initiative and every funder with a pledge in the round. */
export async function recordPledgeEvent(trx: Knex.Transaction, pledge: PledgeFacts): Promise<void> {
  const round = await trx('cofinancing_rounds as r')
    .join('initiatives as i', 'i.id', 'r.initiative_id')
    .where('r.id', pledge.roundId)
    .first<{ id: number; title: string; initiative_id: number; initiative_name: string }>('r.id', 'r.title', 'r.initiative_id', 'i.name as initiative_name');
  const funders = await trx('pledges').where({ round_id: pledge.roundId }).distinct().pluck<number[]>('funder_id');
  const funder = await trx('funders').where({ id: pledge.funderId }).first<{ name: string }>('name');
  await recordEvents(trx, [
    {
      type: 'round.pledge',
      subjectType: 'pledge',
      subjectId: pledge.id,
      cause: `${pledge.status}:${pledge.version}`,
      initiativeId: round.initiative_id,
      funderIds: [...new Set([...funders, pledge.funderId])].sort((a, b) => a - b),
      admins: false,
      data: {
        initiativeName: round.initiative_name,
        roundId: round.id,
        roundTitle: round.title,
        funderName: funder.name,
        pledgeId: pledge.id,
        status: pledge.status,
        amountCents: pledge.amountCents,
      },
    },
  ]);
}

/** Every create and change of a pledge through the resource routes is an event. */
export const recordPledgeEvents: ChangeListener = async (trx, resource, _before, after) => {
  if (resource === 'pledges' && after) await recordPledgeEvent(trx, after as unknown as PledgeFacts);
};

export class CofinancingService {
  constructor(private readonly crud: CrudService) {}

  /**
   * Confirms a pledged pledge: its funder's commitment to the initiative over the round's period
   * (status committed, kind from the funder's type, tranches on `trancheSchedule`) is created in
   * the same transaction, and the pledge names it. A match waits for the pledge it matches.
   */
  async confirm(actor: Actor, id: number, body: { version: number; trancheSchedule: TrancheSchedule }): Promise<ApiRecord> {
    const pledges = RESOURCES.pledges!;
    return this.crud.transaction(async (trx) => {
      await trx('pledges').where({ id }).forUpdate().first('id');
      const prev = await this.crud.get(pledges, actor, id, trx);
      assertRoleMay(actor, 'pledges', 'update');
      const pledge = prev as unknown as PledgeFacts & { condition: string; matchPledgeId: number | null; ratioPercent: number | null };
      const round = await trx('cofinancing_rounds').where({ id: pledge.roundId }).forUpdate().first<{ initiative_id: number; title: string; period_start: string; period_end: string; status: string }>();
      if (actor.role === 'initiative') throw forbidden('Only the funder itself confirms its pledge.', { status: reason('pledge.funder_pledges') });
      assertOwnTenant(actor, { initiativeId: round.initiative_id, funderId: pledge.funderId });
      if (pledge.version !== body.version) {
        throw conflict('conflict.version', `This pledges record was changed by someone else (version ${pledge.version}, you sent ${body.version}). Reload it and try again.`, {
          version: reason('version.stale'),
        });
      }
      if (pledge.status === 'confirmed') throw unprocessable('This pledge is already confirmed.', { status: reason('pledge.confirmed_final') });
      if (pledge.status !== 'pledged') throw unprocessable('Only a pledged pledge can be confirmed.', { status: reason('pledge.not_pledged') });
      if (round.status === 'closed') throw unprocessable('This round is closed.', { roundId: reason('round.closed') });
      if (pledge.condition === 'match' && pledge.matchPledgeId !== null) {
        const matched = await trx('pledges').where({ id: pledge.matchPledgeId }).first<{ status: string; amount_cents: number }>('status', 'amount_cents');
        if (matched.status !== 'confirmed') {
          throw unprocessable('A match is confirmed after the pledge it matches.', { status: reason('pledge.match_not_confirmed', { matchPledgeId: pledge.matchPledgeId }) });
        }
        const cap = pledge.ratioPercent === null ? null : matchCapCents(matched.amount_cents, pledge.ratioPercent);
        if (cap !== null && pledge.amountCents > cap) {
          throw unprocessable(`A match of ${pledge.ratioPercent}% is at most ${cap} cents.`, { amountCents: reason('pledge.exceeds_match', { maxCents: cap }) });
        }
      }
      const funder = await trx('funders').where({ id: pledge.funderId }).first<{ type: FunderType }>('type');
      const commitment = await this.crud.create(
        RESOURCES.commitments!,
        actor,
        {
          initiativeId: round.initiative_id,
          funderId: pledge.funderId,
          title: round.title,
          kind: KIND_OF_FUNDER_TYPE[funder.type],
          status: 'committed',
          startDate: round.period_start,
          endDate: round.period_end,
          amountCents: pledge.amountCents,
          decisionDate: today(),
          conditionNote: `Cofinancieringsronde ${pledge.roundId}, toezegging ${pledge.id}`,
          trancheSchedule: body.trancheSchedule,
        },
        trx,
      );
      await trx('pledges').where({ id }).update({ status: 'confirmed', commitment_id: commitment.id, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
      const after = await this.crud.get(pledges, actor, id, trx);
      await recordAudit(trx, actor, 'update', 'pledges', id, prev, after);
      await recordPledgeEvent(trx, after as unknown as PledgeFacts);
      return after;
    });
  }
}
