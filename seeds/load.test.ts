// The demo portfolio's planning ahead (seeds/demo/planning.ts), loaded into a database of its own
// as `npm start` loads it, on 24 November 2026: Tuinmaatjes Utrecht's open round for 2027 with
// the gemeente's pledge and the fonds's proposed match, its plan B, and a finished simulation.
//
// Tuinmaatjes' 2027 budget is € 48.500 and nothing committed runs in 2027 (the gemeente's Wmo
// subsidy for 2027 is requested, Gezond Verbond's bijdrage conditional), so the round's target is
// the whole need: 4_850_000 × days ÷ 365 per month, rounded to whole cents, adds up to 4_850_001
// (eight months of 31 days at 411_918, four of 30 at 398_630, February 372_055).
// The gemeente pledges 40%, rounded down to hundreds of euros: 1_940_000.4 → 1_940_000; the fonds
// matches half of that: 970_000, exactly the cap of a 50% match.
// Plan B: a quarter of the 2027 budget, 1_212_500 → 1_210_000 a year, for 2027–2029: 3_630_000.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { createDb, migrateLatest } from '../server/data/db.js';
import { databaseUrl } from '../server/data/embeddedPostgres.js';
import { loadDemoIfEmpty } from './load.js';
import { TEST_DATABASE_URL } from '../test/support/env.js';
import { recreateDatabase } from '../test/support/infra.js';

const NAME = `${new URL(TEST_DATABASE_URL).pathname.slice(1)}_demo`;
const URL_ = databaseUrl(TEST_DATABASE_URL, NAME);
const TODAY = '2026-11-24';

describe('the demo portfolio: planning ahead', function () {
  this.timeout(60_000);
  let db: Knex;
  let tuinmaatjes: number;
  const funder = async (name: string) => (await db('funders').where({ name }).first<{ id: number }>('id')).id;

  before(async () => {
    await recreateDatabase(URL_);
    db = createDb(URL_);
    await migrateLatest(db);
    expect((await loadDemoIfEmpty(db, TODAY)).loaded).to.equal(true);
    tuinmaatjes = (await db('initiatives').where({ name: 'Tuinmaatjes Utrecht' }).first<{ id: number }>('id')).id;
  });

  after(async () => {
    await db?.destroy();
    const admin = createDb(databaseUrl(TEST_DATABASE_URL, 'postgres'));
    await admin.raw(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
    await admin.destroy();
  });

  it('opens one round for next year of an initiative both the gemeente and a fonds fund, targeting that year’s shortfall', async () => {
    const rounds = await db('cofinancing_rounds').select('initiative_id', 'title', 'period_start', 'period_end', 'target_cents', 'status', 'gap_id');
    expect(rounds).to.deep.equal([
      { initiative_id: tuinmaatjes, title: 'Tuinploegen 2027: samen het tekort dichten', period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 4_850_001, status: 'open', gap_id: null },
    ]);
    const committed2027 = await db('commitments').where({ initiative_id: tuinmaatjes }).whereIn('status', ['committed', 'completed']).where('end_date', '>=', '2027-01-01').pluck<number[]>('id');
    expect(committed2027).to.deep.equal([]);
    const funders = await db('commitments').where({ initiative_id: tuinmaatjes }).distinct().pluck<number[]>('funder_id');
    expect(funders).to.include.members([await funder('Gemeente Utrecht'), await funder('Fonds Groen Verbindt')]);
  });

  it('holds the gemeente’s pledge and the fonds’s proposed 50% match of it', async () => {
    const pledges = await db('pledges').orderBy('id').select('id', 'funder_id', 'amount_cents', 'status', 'condition', 'match_pledge_id', 'ratio_percent', 'commitment_id');
    const [gemeente, fonds] = pledges;
    expect(pledges).to.have.length(2);
    expect(gemeente).to.deep.include({ funder_id: await funder('Gemeente Utrecht'), amount_cents: 1_940_000, status: 'pledged', condition: 'none', match_pledge_id: null, commitment_id: null });
    expect(fonds).to.deep.include({ funder_id: await funder('Fonds Groen Verbindt'), amount_cents: 970_000, status: 'proposed', condition: 'match', match_pledge_id: gemeente.id, ratio_percent: 50, commitment_id: null });
  });

  it('saves plan B: the conditional bijdrage counted as certain and three years of the fonds', async () => {
    const conditional = await db('commitments').where({ initiative_id: tuinmaatjes, status: 'conditional', funder_id: await funder('Zorgverzekeraar Gezond Verbond') }).pluck<number[]>('id');
    expect(conditional).to.have.length(1);
    const scenarios = await db('scenarios').select('initiative_id', 'name', 'changes');
    expect(scenarios).to.deep.equal([
      {
        initiative_id: tuinmaatjes,
        name: 'Plan B: Fonds Groen Verbindt drie jaar',
        changes: {
          include: conditional,
          exclude: [],
          add: [{ funderId: await funder('Fonds Groen Verbindt'), funderType: null, amountCents: 3_630_000, startDate: '2027-01-01', endDate: '2029-12-31' }],
          budgets: [],
          reservesCents: null,
        },
      },
    ]);
  });

  it('keeps a finished simulation of three-year gemeente subsidies over every active initiative', async () => {
    const [simulation, ...more] = await db('simulations').select('rule', 'params', 'as_of', 'status', 'initiatives_total', 'initiatives_done', 'result');
    expect(more).to.deep.equal([]);
    const active = Number((await db('initiatives').where({ status: 'active' }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    expect(simulation).to.deep.include({ rule: 'extend_short_term', params: { funderTypes: ['municipality'], toMonths: 36 }, as_of: TODAY, status: 'completed', initiatives_total: active, initiatives_done: active });
    const portfolio = simulation.result.groups.find((g: { groupBy: string }) => g.groupBy === 'portfolio');
    expect(portfolio.current.initiatives).to.equal(active);
    expect(portfolio.simulated.fiveYearRisk).to.be.below(portfolio.current.fiveYearRisk);
  });
});
