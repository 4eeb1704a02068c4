// Loads the demo portfolio into an empty database. Safe to call from several processes at once:
// an advisory lock lets exactly one of them load it.
import type { Knex } from 'knex';
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
    for (const f of portfolio.funders) {
      const [row] = await trx('funders')
        .insert({ name: f.name, type: f.type, municipality_code: f.municipalityCode ?? null, max_funding_years: f.maxFundingYears ?? null, website: f.website ?? null })
        .returning<{ id: number }[]>('id');
      funderIds.set(f.key, row!.id);
    }
    const initiativeIds = new Map<string, number>();
    let commitments = 0;
    let tranches = 0;
    for (const i of portfolio.initiatives) {
      const [row] = await trx('initiatives')
        .insert({
          name: i.name,
          founded_on: i.foundedOn,
          municipality: i.municipality,
          municipality_code: i.municipalityCode ?? null,
          domains: i.domains,
          kvk_number: i.kvkNumber ?? null,
          reserves_cents: i.reservesCents,
          shared_with_funders: i.sharedWithFunders,
          status: i.status,
          description: i.description,
        })
        .returning<{ id: number }[]>('id');
      const initiativeId = row!.id;
      initiativeIds.set(i.key, initiativeId);
      if (i.budgets.length) {
        await trx('budgets').insert(i.budgets.map((b) => ({ initiative_id: initiativeId, year: b.year, amount_cents: b.amountCents, note: b.note ?? null })));
      }
      for (const c of i.commitments) {
        const funderId = funderIds.get(c.funderKey);
        if (funderId === undefined) throw new Error(`Demo commitment "${c.title}" names unknown funder ${c.funderKey}`);
        const [commitment] = await trx('commitments')
          .insert({
            initiative_id: initiativeId,
            funder_id: funderId,
            title: c.title,
            reference: c.reference ?? null,
            programme: c.programme ?? null,
            kind: c.kind,
            status: c.status,
            start_date: c.startDate,
            end_date: c.endDate,
            amount_cents: c.amountCents,
            decision_date: c.decisionDate ?? null,
            renewable: c.renewable,
            condition_note: c.conditionNote ?? null,
          })
          .returning<{ id: number }[]>('id');
        commitments += 1;
        if (c.tranches.length) {
          await trx('tranches').insert(
            c.tranches.map((t) => ({
              commitment_id: commitment!.id,
              period_start: t.periodStart,
              period_end: t.periodEnd,
              amount_cents: t.amountCents,
              due_on: t.dueOn ?? null,
              status: t.status,
              received_on: t.receivedOn ?? null,
            })),
          );
          tranches += c.tranches.length;
        }
      }
    }
    for (const [index, u] of portfolio.users.entries()) {
      const funderId = u.funderKey ? funderIds.get(u.funderKey) : undefined;
      const initiativeId = u.initiativeKey ? initiativeIds.get(u.initiativeKey) : undefined;
      await trx('users')
        .insert({ email: u.email.toLowerCase(), password_hash: hashes[index], role: u.role, funder_id: funderId ?? null, initiative_id: initiativeId ?? null })
        .onConflict()
        .ignore();
    }
    return { loaded: true, funders: funderIds.size, initiatives: initiativeIds.size, commitments, tranches };
  });
}
