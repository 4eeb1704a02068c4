// The synthetic portfolio's reporting obligations (bench/synthetic/obligations.ts): made by the
// product's own generateObligations, deterministic per seed, in states that fit their dates, drawn
// without changing the rest of the portfolio, and loaded by COPY with their statuses.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { buildFunders } from '../../bench/synthetic/funders.js';
import { buildInitiative, type Context } from '../../bench/synthetic/initiative.js';
import { loadPortfolio } from '../../bench/synthetic/load.js';
import { generateObligations, lateness } from '../../server/domain/obligationSchedule.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { recreateDatabase } from '../support/infra.js';

const AS_OF = '2026-11-30';
const ctx = (seed: string): Context => ({ seed, asOf: AS_OF, funders: buildFunders(seed) });
const portfolio = (c: Context, count: number) => Array.from({ length: count }, (_, i) => buildInitiative(c, i));

describe('bench: synthetic obligations', () => {
  const vangnet = ctx('vangnet');
  const initiatives = portfolio(vangnet, 1500);
  const commitments = initiatives.flatMap((s) => s.commitments);
  const obligations = commitments.flatMap((c) => c.obligations);
  const typeOf = new Map(vangnet.funders.all.map((f) => [f.id, f.type]));

  it('are the same for the same seed, and others for another', () => {
    const again = portfolio(ctx('vangnet'), 50).flatMap((s) => s.commitments.map((c) => [c.reportingSchedule, c.reportDueMonths, c.obligations]));
    expect(again).to.deep.equal(initiatives.slice(0, 50).flatMap((s) => s.commitments.map((c) => [c.reportingSchedule, c.reportDueMonths, c.obligations])));
    const other = portfolio(ctx('another'), 50).flatMap((s) => s.commitments.flatMap((c) => c.obligations));
    expect(other).to.not.deep.equal(initiatives.slice(0, 50).flatMap((s) => s.commitments.flatMap((c) => c.obligations)));
  });

  it('leave the rest of the portfolio as it was before them, row for row', () => {
    // SHA-256 of the first 300 initiatives of seed `vangnet` with their budgets, commitments and
    // tranches, computed with the generator of main b0b81a5, which made no obligations.
    const hash = createHash('sha256');
    for (const s of initiatives.slice(0, 300)) {
      const rows = s.commitments.map(({ funderId, title, reference, programme, kind, status, startDate, endDate, amountCents, decisionDate, renewable, conditionNote, tranches }) => [
        funderId, title, reference, programme, kind, status, startDate, endDate, amountCents, decisionDate, renewable, conditionNote, tranches,
      ]);
      hash.update(JSON.stringify([s.initiative, s.budgets, rows]));
    }
    expect(hash.digest('hex')).to.equal('8cae5c8b72a1e0dbd0bcdb89a91eee09640d216bae45e466166c72ef3bb6ccf3');
  });

  it('are what the product generates for the commitment on its schedule and term', () => {
    for (const c of commitments) {
      const tranches = c.tranches.filter((t) => t.status !== 'cancelled');
      const expected = generateObligations({ startDate: c.startDate, endDate: c.endDate, tranches }, c.reportingSchedule, c.reportDueMonths);
      expect(c.obligations.map(({ kind, title, periodStart, periodEnd, dueOn }) => ({ kind, title, periodStart, periodEnd, dueOn }))).to.deep.equal(expected);
      if (c.reportingSchedule === 'per_tranche') expect(tranches).to.not.be.empty;
    }
  });

  it('are asked only for money granted, in the funder types\' habits', () => {
    for (const c of commitments) if (['declined', 'withdrawn', 'requested'].includes(c.status)) expect(c.reportingSchedule).to.equal('none');
    const share = (type: string, schedule: string) => {
      const of = commitments.filter((c) => typeOf.get(c.funderId) === type && ['committed', 'completed'].includes(c.status));
      return of.filter((c) => c.reportingSchedule === schedule).length / of.length;
    };
    // Worked out from HABITS, each funder keeping its habit (9 in 10 commitments): most gemeenten
    // yearly, fondsen mostly final, companies mostly nothing (donations and in kind seldom report).
    expect(share('municipality', 'yearly')).to.be.within(0.35, 0.75);
    expect(share('foundation', 'final')).to.be.within(0.4, 0.8);
    expect(share('company', 'none')).to.be.above(0.7);
    expect(obligations.length / commitments.length).to.be.within(1.5, 2.5);
  });

  it('stand where their dates put them on the as-of day', () => {
    const statuses = new Map<string, number>();
    let overdue = 0;
    for (const o of obligations) {
      statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      if (lateness(o.status, o.dueOn, AS_OF).overdue) overdue += 1;
      // A period not yet over has nothing to report on.
      if (o.periodEnd >= AS_OF) expect(o.status).to.equal('open');
      if (['submitted', 'accepted', 'rejected'].includes(o.status)) {
        expect(o.submittedOn! > o.periodEnd && o.submittedOn! <= AS_OF, `${o.title} submitted ${o.submittedOn}`).to.equal(true);
      } else expect(o.submittedOn).to.equal(null);
      if (['accepted', 'rejected'].includes(o.status)) expect(o.decidedOn! >= o.submittedOn! && o.decidedOn! <= AS_OF).to.equal(true);
      else if (o.status === 'waived') expect(o.decidedOn! > o.periodEnd && o.decidedOn! <= AS_OF).to.equal(true);
      else expect(o.decidedOn).to.equal(null);
      if (o.status === 'rejected' || o.status === 'waived') expect(o.note).to.be.a('string');
    }
    expect([...statuses.keys()].sort()).to.deep.equal(['accepted', 'open', 'rejected', 'submitted', 'waived']);
    // Most past obligations were met; a few percent of all are overdue.
    expect(statuses.get('accepted')! / obligations.length).to.be.within(0.3, 0.6);
    expect(overdue / obligations.length).to.be.within(0.01, 0.06);
  });

  describe('loaded', () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `${url.pathname}_bench`;
    const databaseUrl = url.toString();
    let db: pg.Pool;

    before(async function () {
      this.timeout(60_000);
      await recreateDatabase(databaseUrl);
      db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    });
    after(async () => {
      await db?.end();
      const admin = new URL(databaseUrl);
      const name = admin.pathname.slice(1);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    });

    it('are copied with their statuses and dates, and count as overdue in SQL as in the domain', async function () {
      this.timeout(60_000);
      const report = await loadPortfolio({ databaseUrl, initiatives: 200, seed: 'vangnet', asOf: AS_OF });
      const expected = initiatives.slice(0, 200).flatMap((s) => s.commitments.flatMap((c) => c.obligations));
      expect(report.rows.obligations).to.equal(expected.length);
      const { rows } = await db.query<{ status: string; n: number; submitted: number; decided: number; overdue: number }>(
        `SELECT status, count(*)::int AS n, count(submitted_on)::int AS submitted, count(decided_on)::int AS decided,
                count(*) FILTER (WHERE status IN ('open', 'rejected') AND due_on < $1::date)::int AS overdue
           FROM obligations GROUP BY status ORDER BY status`,
        [AS_OF],
      );
      const tally = (status: string) => {
        const of = expected.filter((o) => o.status === status);
        return { status, n: of.length, submitted: of.filter((o) => o.submittedOn).length, decided: of.filter((o) => o.decidedOn).length, overdue: of.filter((o) => lateness(o.status, o.dueOn, AS_OF).overdue).length };
      };
      expect(rows).to.deep.equal(['accepted', 'open', 'rejected', 'submitted', 'waived'].map(tally).filter((t) => t.n));
      // The first obligation, field by field, and its commitment: the first commitment that has one.
      const first = commitments.findIndex((c) => c.obligations.length);
      const o = commitments[first]!.obligations[0]!;
      const row = (await db.query('SELECT commitment_id, kind, title, period_start::text, period_end::text, due_on::text, status, note, version FROM obligations WHERE id = 1')).rows[0];
      expect(row).to.deep.equal({ commitment_id: first + 1, kind: o.kind, title: o.title, period_start: o.periodStart, period_end: o.periodEnd, due_on: o.dueOn, status: o.status, note: o.note ?? null, version: 1 });
    });
  });
});
