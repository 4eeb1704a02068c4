// Loads the demo portfolio into an empty database, each record written to the columns named
// after its fields (as the server reads them). Safe to call from several processes at once:
// an advisory lock lets exactly one of them load it.
import type { Knex } from 'knex';
import { toColumns } from '../server/contract/resource.js';
import { hashPassword } from '../server/services/passwords.js';
import { buildDemoPortfolio } from './demo/portfolio.js';

const DEMO_LOCK = 4_242_001;

export interface LoadResult {
  loaded: boolean;
  funders: number;
  initiatives: number;
  commitments: number;
  tranches: number;
}

export async function isEmpty(knex: Knex): Promise<boolean> {
  const [funder, initiative] = await Promise.all([knex('funders').first('id'), knex('initiatives').first('id')]);
  return !funder && !initiative;
}

export async function loadDemoIfEmpty(db: Knex, today: string): Promise<LoadResult> {
  const portfolio = buildDemoPortfolio(today);
  const hashes = await Promise.all(portfolio.users.map((u) => hashPassword(u.password)));
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [DEMO_LOCK]);
    const none: LoadResult = { loaded: false, funders: 0, initiatives: 0, commitments: 0, tranches: 0 };
    if (!(await isEmpty(trx))) return none;

    const funderIds = new Map<string, number>();
    for (const { key, ...funder } of portfolio.funders) {
      const [row] = await trx('funders').insert(toColumns(funder)).returning<{ id: number }[]>('id');
      funderIds.set(key, row!.id);
    }
    const initiativeIds = new Map<string, number>();
    let commitments = 0;
    let tranches = 0;
    for (const { key, budgets, commitments: funding, ...initiative } of portfolio.initiatives) {
      const [row] = await trx('initiatives').insert(toColumns(initiative)).returning<{ id: number }[]>('id');
      const initiativeId = row!.id;
      initiativeIds.set(key, initiativeId);
      if (budgets.length) await trx('budgets').insert(budgets.map((b) => toColumns({ initiativeId, ...b })));
      for (const { funderKey, tranches: schedule, ...commitment } of funding) {
        const funderId = funderIds.get(funderKey);
        if (funderId === undefined) throw new Error(`Demo commitment "${commitment.title}" names unknown funder ${funderKey}`);
        const [created] = await trx('commitments').insert(toColumns({ initiativeId, funderId, ...commitment })).returning<{ id: number }[]>('id');
        commitments += 1;
        if (schedule.length) {
          await trx('tranches').insert(schedule.map((t) => toColumns({ commitmentId: created!.id, ...t })));
          tranches += schedule.length;
        }
      }
    }
    for (const [index, u] of portfolio.users.entries()) {
      const funderId = u.funderKey ? funderIds.get(u.funderKey) : undefined;
      const initiativeId = u.initiativeKey ? initiativeIds.get(u.initiativeKey) : undefined;
      await trx('users')
        .insert(toColumns({ email: u.email.toLowerCase(), passwordHash: hashes[index], role: u.role, funderId: funderId ?? null, initiativeId: initiativeId ?? null }))
        .onConflict()
        .ignore();
    }
    return { loaded: true, funders: funderIds.size, initiatives: initiativeIds.size, commitments, tranches };
  });
}
