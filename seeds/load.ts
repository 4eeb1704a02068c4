// Loads the demo portfolio into an empty database, each record written to the columns named
// after its fields (as the server reads them). Safe to call from several processes at once:
// an advisory lock lets exactly one of them load it.
import type { Knex } from 'knex';
import { toColumns } from '../server/contract/resource.js';
import { scenarioChanges } from '../server/contract/scenarios.js';
import { createSimulation, runSimulation } from '../server/data/simulations.js';
import { loadFunding } from '../server/data/funding.js';
import { periodShortfallCents } from '../server/domain/cofinancing.js';
import { hashPassword } from '../server/services/passwords.js';
import { Calendar } from './demo/calendar.js';
import { DEMO_PLANNING, demoPlanCents, demoPledgeCents } from './demo/planning.js';
import { buildDemoPortfolio } from './demo/portfolio.js';
import { DEMO_INDICATORS, demoObligations, demoReportTitle } from './demo/reporting.js';

const DEMO_LOCK = 4_242_001;

export interface LoadResult {
  loaded: boolean;
  funders: number;
  initiatives: number;
  commitments: number;
  tranches: number;
  obligations: number;
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
    const none: LoadResult = { loaded: false, funders: 0, initiatives: 0, commitments: 0, tranches: 0, obligations: 0 };
    if (!(await isEmpty(trx))) return none;

    const funderIds = new Map<string, number>();
    for (const { key, ...funder } of portfolio.funders) {
      const [row] = await trx('funders').insert(toColumns(funder)).returning<{ id: number }[]>('id');
      funderIds.set(key, row!.id);
    }
    const initiativeIds = new Map<string, number>();
    let commitments = 0;
    let tranches = 0;
    let obligations = 0;
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
        const owed = demoObligations(commitment, today);
        if (owed.length) {
          await trx('obligations').insert(owed.map((o) => toColumns({ commitmentId: created!.id, ...o })));
          obligations += owed.length;
        }
      }
      await loadReportsAndIndicators(trx, initiativeId, key, today);
    }
    for (const [index, u] of portfolio.users.entries()) {
      const funderId = u.funderKey ? funderIds.get(u.funderKey) : undefined;
      const initiativeId = u.initiativeKey ? initiativeIds.get(u.initiativeKey) : undefined;
      await trx('users')
        .insert(toColumns({ email: u.email.toLowerCase(), passwordHash: hashes[index], role: u.role, funderId: funderId ?? null, initiativeId: initiativeId ?? null }))
        .onConflict()
        .ignore();
    }
    await loadPlanning(trx, today, initiativeIds, funderIds);
    return { loaded: true, funders: funderIds.size, initiatives: initiativeIds.size, commitments, tranches, obligations };
  });
}

/** One report per year answering the initiative's accepted obligations of every funder, and its indicators. */
async function loadReportsAndIndicators(trx: Knex.Transaction, initiativeId: number, key: string, today: string): Promise<void> {
  const accepted = await trx('obligations as o')
    .join('commitments as c', 'c.id', 'o.commitment_id')
    .where({ 'c.initiative_id': initiativeId, 'o.status': 'accepted' })
    .orderBy('o.due_on')
    .select<{ id: number; due_on: string; submitted_on: string; period_start: string; period_end: string }[]>('o.id', 'o.due_on', 'o.submitted_on', 'o.period_start', 'o.period_end');
  const byTitle = new Map<string, typeof accepted>();
  for (const o of accepted) byTitle.set(demoReportTitle(o.due_on), [...(byTitle.get(demoReportTitle(o.due_on)) ?? []), o]);
  for (const [title, answered] of byTitle) {
    const periodStart = answered.map((o) => o.period_start).sort()[0]!;
    const periodEnd = answered.map((o) => o.period_end).sort().at(-1)!;
    const submittedOn = answered.map((o) => o.submitted_on).sort()[0]!;
    const [report] = await trx('reports')
      .insert(toColumns({ initiativeId, title, periodStart, periodEnd, submittedOn, summary: 'Wat we deden, voor wie, en wat het kostte: één verslag voor alle financiers.' }))
      .returning<{ id: number }[]>('id');
    await trx('report_obligations').insert(answered.map((o) => ({ report_id: report!.id, obligation_id: o.id })));
    await trx('obligations').whereIn('id', answered.map((o) => o.id)).update({ report_id: report!.id, submitted_on: submittedOn });
  }
  const year = Number(today.slice(0, 4));
  for (const indicator of DEMO_INDICATORS[key] ?? []) {
    const { values, targets, ...fields } = indicator;
    const [row] = await trx('indicators')
      .insert(toColumns({ initiativeId, ...fields, targets: { [String(year)]: targets[0], [String(year + 1)]: targets[1] } }))
      .returning<{ id: number }[]>('id');
    await trx('indicator_values').insert(values.map((value, i) => ({ indicator_id: row!.id, year: year - values.length + i, value })));
  }
}

/**
 * The open co-financing round of seeds/demo/planning.ts with its two pledges, the saved plan B and
 * the finished simulation. The round names no gap (gaps are the first scan's); its period is next
 * calendar year, inside the initiative's open shortfall, and its target that year's shortfall.
 */
async function loadPlanning(trx: Knex.Transaction, today: string, initiativeIds: Map<string, number>, funderIds: Map<string, number>): Promise<void> {
  const cal = new Calendar(today);
  const plan = DEMO_PLANNING;
  const initiativeId = initiativeIds.get(plan.initiativeKey)!;
  const funderId = (key: string) => funderIds.get(key)!;
  const [funding] = await loadFunding(trx, [initiativeId]);
  const periodStart = cal.jan1(1);
  const periodEnd = cal.dec31(1);
  const targetCents = periodShortfallCents(funding!, periodStart, periodEnd);
  const [round] = await trx('cofinancing_rounds')
    .insert(toColumns({ initiativeId, title: plan.round.title(cal.year + 1), periodStart, periodEnd, targetCents, status: 'open', note: plan.round.note }))
    .returning<{ id: number }[]>('id');
  const amounts = demoPledgeCents(targetCents);
  const [pledged] = await trx('pledges')
    .insert(toColumns({ roundId: round!.id, funderId: funderId(plan.gemeente.funderKey), amountCents: amounts.gemeente, status: 'pledged', condition: 'none', note: plan.gemeente.note }))
    .returning<{ id: number }[]>('id');
  await trx('pledges').insert(
    toColumns({
      roundId: round!.id,
      funderId: funderId(plan.fonds.funderKey),
      amountCents: amounts.fonds,
      status: 'proposed',
      condition: 'match',
      matchPledgeId: pledged!.id,
      ratioPercent: plan.fonds.ratioPercent,
      note: plan.fonds.note,
    }),
  );

  const conditional = await trx('commitments')
    .where({ initiative_id: initiativeId, funder_id: funderId(plan.scenario.includeFunderKey), status: 'conditional' })
    .pluck<number[]>('id');
  const nextYear = await trx('budgets').where({ initiative_id: initiativeId, year: cal.year + 1 }).first<{ amount_cents: string } | undefined>('amount_cents');
  const changes = scenarioChanges.parse({
    include: conditional,
    add: [{ funderId: funderId(plan.fonds.funderKey), amountCents: demoPlanCents(Number(nextYear?.amount_cents ?? 0)), startDate: cal.jan1(1), endDate: cal.dec31(plan.scenario.years) }],
  });
  await trx('scenarios').insert(toColumns({ initiativeId, name: plan.scenario.name, note: plan.scenario.note, changes: JSON.stringify(changes) }));

  await runSimulation(trx, await createSimulation(trx, plan.simulation, today));
}
