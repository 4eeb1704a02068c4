// The demo portfolio keeps the rules the API enforces, is deterministic, and tells the story it
// was designed for. The gap rules of DESIGN.md are re-implemented here in a few lines (floats,
// no rounding) so the seed can be checked on its own, independently of the domain code.
import { expect } from 'chai';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  DOMAINS,
  FUNDER_TYPES,
  ROLES,
  TRANCHE_STATUSES,
  type GapKind,
  type GapSeverity,
} from '../../server/domain/enums.js';
import { buildDemoPortfolio } from './portfolio.js';
import type { DemoCommitment, DemoFunder, DemoInitiative, DemoPortfolio } from './types.js';

const TODAYS = ['2026-11-24', '2028-02-29', '2025-01-01', '2026-06-15', '2031-12-31'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

// ----- calendar helpers (day numbers since the epoch)
const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const daysInYear = (y: number): number => (daysInMonth(y, 2) === 29 ? 366 : 365);

function isCalendarDate(iso: string): boolean {
  return ISO.test(iso) && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && fromDayNumber(dayNumber(iso)) === iso;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, daysInMonth(ny, nm))).padStart(2, '0')}`;
}

interface Month {
  year: number;
  start: number;
  end: number;
}

function monthAt(asOf: string, offset: number): Month {
  const first = addMonths(`${asOf.slice(0, 7)}-01`, offset);
  const [y, m] = first.split('-').map(Number) as [number, number];
  const start = dayNumber(first);
  return { year: y, start, end: start + daysInMonth(y, m) - 1 };
}

// ----- DESIGN.md definitions
const COMMITTED = new Set(['committed', 'completed']);

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart) + 1);
}

function commitmentFundingIn(c: DemoCommitment, m: Month): number {
  const pieces =
    c.tranches.length === 0
      ? [{ start: c.startDate, end: c.endDate, amount: c.amountCents }]
      : c.tranches.filter((t) => t.status !== 'cancelled').map((t) => ({ start: t.periodStart, end: t.periodEnd, amount: t.amountCents }));
  let total = 0;
  for (const p of pieces) {
    const start = dayNumber(p.start);
    const end = dayNumber(p.end);
    total += (p.amount * overlap(start, end, m.start, m.end)) / (end - start + 1);
  }
  return total;
}

const committedFundingIn = (init: DemoInitiative, m: Month): number =>
  init.commitments.filter((c) => COMMITTED.has(c.status)).reduce((sum, c) => sum + commitmentFundingIn(c, m), 0);

/** A year's own budget, or the latest earlier one carried forward (DESIGN.md "Need"). */
function needIn(init: DemoInitiative, m: Month): number {
  const budget = init.budgets.filter((b) => b.year <= m.year).sort((a, b) => b.year - a.year)[0];
  return budget ? (budget.amountCents * (m.end - m.start + 1)) / daysInYear(m.year) : 0;
}

function lengthInMonths(c: DemoCommitment): number {
  const [y1, m1, d1] = c.startDate.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = fromDayNumber(dayNumber(c.endDate) + 1).split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

interface Gap {
  kind: GapKind;
  periodStart: string;
  periodEnd: string;
  shortfallCents: number;
  severity: GapSeverity;
  funderKey?: string;
}

const EPS = 0.5; // half a cent of float noise
const SHORTFALL_TOLERANCE = 1_000; // a month short by at most € 10 is no shortfall

function scan(init: DemoInitiative, funders: Map<string, DemoFunder>, asOf: string): Gap[] {
  const months = Array.from({ length: 60 }, (_, i) => monthAt(asOf, i));
  const funding = months.map((m) => committedFundingIn(init, m));
  const need = months.map((m) => needIn(init, m));
  const horizonEnd = fromDayNumber(months[59]!.end);
  const sixMonths = addMonths(asOf, 6);
  const twelveMonths = addMonths(asOf, 12);
  const severity = (start: string): GapSeverity => (start < sixMonths ? 'high' : start < twelveMonths ? 'medium' : 'low');
  const gaps: Gap[] = [];
  const push = (gap: Omit<Gap, 'severity'>): void => {
    gaps.push({ ...gap, severity: severity(gap.periodStart) });
  };

  // shortfall
  for (let i = 0; i < 60; ) {
    if (need[i]! > 0 && funding[i]! < need[i]! - SHORTFALL_TOLERANCE) {
      let j = i;
      let sum = 0;
      while (j < 60 && need[j]! > 0 && funding[j]! < need[j]! - SHORTFALL_TOLERANCE) sum += need[j]! - funding[j]!, j++;
      push({ kind: 'shortfall', periodStart: fromDayNumber(months[i]!.start), periodEnd: fromDayNumber(months[j - 1]!.end), shortfallCents: Math.round(sum) });
      i = j;
    } else i++;
  }

  // cliff
  let previous = committedFundingIn(init, monthAt(asOf, -1));
  for (let i = 0; i < 60; i++) {
    if (previous > EPS && funding[i]! <= 0.7 * previous + EPS) {
      push({ kind: 'cliff', periodStart: fromDayNumber(months[i]!.start), periodEnd: fromDayNumber(months[i]!.end), shortfallCents: 0 });
    }
    previous = funding[i]!;
  }

  // expiring
  for (const c of init.commitments) {
    if (c.status !== 'committed' || c.endDate < asOf || c.endDate >= sixMonths) continue;
    const followUp = init.commitments.some(
      (o) => o !== c && o.funderKey === c.funderKey && ['requested', 'conditional', 'committed'].includes(o.status) && o.startDate > c.endDate,
    );
    if (!followUp) push({ kind: 'expiring', periodStart: c.startDate, periodEnd: c.endDate, shortfallCents: 0, funderKey: c.funderKey });
  }

  // funder_limit
  for (const funderKey of new Set(init.commitments.map((c) => c.funderKey))) {
    const years = funders.get(funderKey)?.maxFundingYears;
    if (years == null) continue;
    const starts = init.commitments.filter((c) => c.funderKey === funderKey && COMMITTED.has(c.status)).map((c) => c.startDate).sort();
    if (starts.length === 0) continue;
    const limit = addMonths(starts[0]!, 12 * years);
    const needAfter = months.some((m, i) => m.end >= dayNumber(limit) && need[i]! > 0);
    if (asOf <= limit && limit < horizonEnd && needAfter) {
      push({ kind: 'funder_limit', periodStart: limit, periodEnd: horizonEnd, shortfallCents: 0, funderKey });
    }
  }

  // five_year_risk
  const fourth = addMonths(init.foundedOn, 48);
  const sixth = addMonths(init.foundedOn, 72);
  if (asOf >= fourth && asOf < sixth) {
    let fund = 0;
    let short = 0;
    let needed = 0;
    for (let i = 0; i < 12; i++) {
      needed += need[i]!;
      for (const c of init.commitments) {
        if (!COMMITTED.has(c.status)) continue;
        const f = commitmentFundingIn(c, months[i]!);
        fund += f;
        if (lengthInMonths(c) <= 24) short += f;
      }
    }
    const poorCoverage = needed > 0 && fund / needed < 0.75;
    const mostlyShort = fund > 0 && short / fund > 0.5;
    if (poorCoverage || mostlyShort) {
      push({ kind: 'five_year_risk', periodStart: fourth, periodEnd: fromDayNumber(dayNumber(sixth) - 1), shortfallCents: 0 });
    }
  }
  return gaps;
}

// ----- the designed story
const HEALTHY = ['dansavond-de-gouden-jaren', 'buurtkamer-de-stek', 'stadstuin-de-wortel', 'maaltijdmaatjes-zwolle'];
const DESIGNED: Array<{ key: string; kind: GapKind; funderKey?: string; severity?: GapSeverity }> = [
  { key: 'buurtcooperatie-het-zuiderhart', kind: 'cliff', severity: 'high' },
  { key: 'samen-koken-hatert', kind: 'cliff' },
  { key: 'de-gedeelde-pan', kind: 'expiring', funderKey: 'fonds-samen-sterk', severity: 'high' },
  { key: 'belcirkel-scheveningen', kind: 'expiring', funderKey: 'gemeente-denhaag', severity: 'high' },
  { key: 'maatjesproject-samen-op-stap', kind: 'expiring', funderKey: 'stichting-de-lantaarn', severity: 'high' },
  { key: 'de-gedeelde-pan', kind: 'funder_limit', funderKey: 'fonds-samen-sterk' },
  { key: 'wooncooperatie-samen-oud-lindenholt', kind: 'funder_limit', funderKey: 'provincie-gelderland' },
  { key: 'taalmaatjes-amsterdam-oost', kind: 'five_year_risk' },
  { key: 'schuldhulpmaatjes-feijenoord', kind: 'five_year_risk' },
  { key: 'tuinmaatjes-utrecht', kind: 'five_year_risk' },
  { key: 'huiswerkklas-de-leerboom', kind: 'five_year_risk' },
  { key: 'sportmaatjes-holtenbroek', kind: 'five_year_risk' },
  { key: 'fietsschool-vrouwen-op-de-fiets', kind: 'shortfall', severity: 'high' },
];
const NOT_EXPIRING_DESPITE_ENDING = ['buurtcooperatie-het-zuiderhart', 'samen-koken-hatert'];

function byKey(portfolio: DemoPortfolio, key: string): DemoInitiative {
  const init = portfolio.initiatives.find((i) => i.key === key);
  if (!init) throw new Error(`no initiative ${key}`);
  return init;
}

describe('demo portfolio', () => {
  for (const today of TODAYS) {
    describe(`built on ${today}`, () => {
      const portfolio = buildDemoPortfolio(today);
      const funders = new Map(portfolio.funders.map((f) => [f.key, f]));

      it('has about 20 funders of every type, with real CBS codes for the gemeenten', () => {
        expect(portfolio.funders.length).to.be.within(18, 24);
        expect(new Set(portfolio.funders.map((f) => f.key)).size).to.equal(portfolio.funders.length);
        expect(new Set(portfolio.funders.map((f) => f.type))).to.deep.equal(new Set(FUNDER_TYPES));
        const gemeenten = portfolio.funders.filter((f) => f.type === 'municipality');
        expect(gemeenten.length).to.be.at.least(6);
        for (const g of gemeenten) expect(g.municipalityCode).to.match(/^GM\d{4}$/);
        expect(portfolio.funders.filter((f) => f.type !== 'municipality').every((f) => f.municipalityCode === undefined)).to.equal(true);
        expect(portfolio.funders.filter((f) => f.type === 'province')).to.have.length(1);
        expect(portfolio.funders.filter((f) => f.type === 'health_insurer')).to.have.length(1);
        expect(portfolio.funders.filter((f) => f.type === 'company').length).to.be.at.least(3);
        const limited = portfolio.funders.filter((f) => f.maxFundingYears !== undefined);
        expect(limited.length).to.be.at.least(2);
        for (const f of limited) expect(Number.isInteger(f.maxFundingYears) && f.maxFundingYears! > 0).to.equal(true);
      });

      it('has about 40 initiatives across about 8 gemeenten, each with 3 to 10 commitments', () => {
        expect(portfolio.initiatives.length).to.be.within(36, 44);
        expect(new Set(portfolio.initiatives.map((i) => i.key)).size).to.equal(portfolio.initiatives.length);
        expect(new Set(portfolio.initiatives.map((i) => i.municipalityCode)).size).to.be.within(6, 10);
        const codes = new Set(portfolio.funders.map((f) => f.municipalityCode).filter(Boolean));
        for (const init of portfolio.initiatives) {
          expect(init.commitments.length, init.key).to.be.within(3, 10);
          expect(codes.has(init.municipalityCode), init.key).to.equal(true);
          const gemeente = portfolio.funders.find((f) => f.municipalityCode === init.municipalityCode);
          expect(gemeente?.name, init.key).to.equal(`Gemeente ${init.municipality}`);
          expect(init.domains.length, init.key).to.be.at.least(1);
          for (const d of init.domains) expect(DOMAINS).to.include(d);
          expect((init.description ?? '').length, init.key).to.be.greaterThan(60);
        }
        expect(portfolio.initiatives.filter((i) => i.status === 'stopped').length).to.be.at.least(2);
        expect(portfolio.initiatives.filter((i) => i.sharedWithFunders).length).to.be.at.least(3);
      });

      it('keeps the rules on initiatives and budgets', () => {
        const year = Number(today.slice(0, 4));
        const kvks = portfolio.initiatives.map((i) => i.kvkNumber).filter((k): k is string => k !== undefined);
        expect(new Set(kvks).size).to.equal(kvks.length);
        for (const init of portfolio.initiatives) {
          expect(isCalendarDate(init.foundedOn), init.key).to.equal(true);
          expect(Number(init.foundedOn.slice(0, 4)), init.key).to.be.within(year - 11, year - 2);
          if (init.kvkNumber !== undefined) expect(init.kvkNumber, init.key).to.match(/^\d{8}$/);
          expect(Number.isInteger(init.reservesCents) && init.reservesCents >= 0, init.key).to.equal(true);
          const years = init.budgets.map((b) => b.year);
          expect(new Set(years).size, init.key).to.equal(years.length);
          expect(init.budgets.length, init.key).to.be.at.least(2);
          for (const b of init.budgets) {
            expect(Number.isInteger(b.amountCents) && b.amountCents >= 0, init.key).to.equal(true);
            expect(b.amountCents, `${init.key} ${b.year}`).to.be.within(2_000_00, 250_000_00);
            expect(b.year, init.key).to.be.at.least(Number(init.foundedOn.slice(0, 4)));
          }
          if (init.status === 'active') {
            expect(Math.max(...years), init.key).to.be.at.least(year + 2);
            for (const b of init.budgets.filter((b) => b.year !== Number(init.foundedOn.slice(0, 4)))) {
              expect(b.amountCents, `${init.key} ${b.year}`).to.be.at.least(8_000_00);
            }
          } else {
            expect(Math.max(...years), init.key).to.be.below(year);
          }
        }
      });

      it('keeps the rules on commitments and tranches', () => {
        for (const init of portfolio.initiatives) {
          for (const c of init.commitments) {
            const what = `${init.key}: ${c.title}`;
            expect(funders.has(c.funderKey), what).to.equal(true);
            expect(COMMITMENT_KINDS, what).to.include(c.kind);
            expect(COMMITMENT_STATUSES, what).to.include(c.status);
            expect(isCalendarDate(c.startDate) && isCalendarDate(c.endDate), what).to.equal(true);
            expect(c.endDate >= c.startDate, what).to.equal(true);
            expect(Number.isInteger(c.amountCents) && c.amountCents > 0, what).to.equal(true);
            expect(c.title.length, what).to.be.greaterThan(5);
            if (c.decisionDate != null) expect(isCalendarDate(c.decisionDate) && c.decisionDate <= today, what).to.equal(true);
            if (c.status === 'completed') expect(c.endDate < today, what).to.equal(true);
            if (c.status === 'committed') expect(c.endDate >= today, what).to.equal(true);
            if (['declined', 'withdrawn', 'requested'].includes(c.status)) expect(c.tranches, what).to.have.length(0);
            let scheduled = 0;
            for (const t of c.tranches) {
              expect(TRANCHE_STATUSES, what).to.include(t.status);
              expect(isCalendarDate(t.periodStart) && isCalendarDate(t.periodEnd), what).to.equal(true);
              expect(t.periodStart >= c.startDate && t.periodEnd <= c.endDate && t.periodEnd >= t.periodStart, what).to.equal(true);
              expect(Number.isInteger(t.amountCents) && t.amountCents >= 0, what).to.equal(true);
              if (t.dueOn != null) expect(isCalendarDate(t.dueOn), what).to.equal(true);
              if (t.status === 'received') {
                expect(t.receivedOn != null && isCalendarDate(t.receivedOn) && t.receivedOn <= today, what).to.equal(true);
              } else {
                expect(t.receivedOn, what).to.equal(undefined);
              }
              if (c.status === 'completed') expect(['received', 'cancelled'], what).to.include(t.status);
              if (t.status !== 'cancelled') scheduled += t.amountCents;
            }
            if (c.tranches.length > 0) expect(scheduled, what).to.equal(c.amountCents);
          }
        }
      });

      it('shows the whole range of statuses, kinds and payment schedules', () => {
        const all = portfolio.initiatives.flatMap((i) => i.commitments);
        expect(new Set(all.map((c) => c.status))).to.deep.equal(new Set(COMMITMENT_STATUSES));
        for (const kind of ['subsidy', 'grant', 'sponsorship', 'donation', 'contract', 'in_kind'] as const) {
          expect(all.some((c) => c.kind === kind), kind).to.equal(true);
        }
        const tranches = all.flatMap((c) => c.tranches);
        for (const status of TRANCHE_STATUSES) expect(tranches.some((t) => t.status === status), status).to.equal(true);
        expect(all.some((c) => c.tranches.length === 0 && COMMITTED.has(c.status))).to.equal(true);
        // One gemeente funding one initiative through several programmes (silos).
        expect(
          portfolio.initiatives.some((i) => {
            const programmes = new Set(i.commitments.filter((c) => c.funderKey.startsWith('gemeente-')).map((c) => c.programme));
            return programmes.size >= 3;
          }),
        ).to.equal(true);
      });

      it('has one admin, a gemeente user and the user of an initiative that gemeente funds', () => {
        expect(portfolio.users.filter((u) => u.role === 'admin')).to.have.length(1);
        expect(new Set(portfolio.users.map((u) => u.email)).size).to.equal(portfolio.users.length);
        for (const u of portfolio.users) {
          expect(ROLES).to.include(u.role);
          expect(u.password.length, u.email).to.be.at.least(12);
          expect(u.email).to.match(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
        }
        const funderUser = portfolio.users.find((u) => u.role === 'funder');
        const initiativeUser = portfolio.users.find((u) => u.role === 'initiative');
        expect(funders.get(funderUser?.funderKey ?? '')?.type).to.equal('municipality');
        const init = byKey(portfolio, initiativeUser?.initiativeKey ?? '');
        expect(init.commitments.some((c) => c.funderKey === funderUser?.funderKey && COMMITTED.has(c.status))).to.equal(true);
      });

      it('makes a gap scan find the designed gaps', () => {
        for (const d of DESIGNED) {
          const gaps = scan(byKey(portfolio, d.key), funders, today).filter((g) => g.kind === d.kind);
          const matching = gaps.filter((g) => (d.funderKey === undefined || g.funderKey === d.funderKey) && (d.severity === undefined || g.severity === d.severity));
          expect(matching.length, `${d.key} ${d.kind} ${JSON.stringify(gaps)}`).to.be.at.least(1);
        }
        for (const key of NOT_EXPIRING_DESPITE_ENDING) {
          expect(scan(byKey(portfolio, key), funders, today).filter((g) => g.kind === 'expiring' && g.funderKey?.startsWith('gemeente-')), key).to.have.length(0);
        }
      });

      it('keeps the healthy initiatives healthy', () => {
        for (const key of HEALTHY) {
          const gaps = scan(byKey(portfolio, key), funders, today);
          // what lies years ahead, past the multi-year agreements (their budgets carried forward), is low
          const worrying = gaps.filter((g) => !['cliff', 'shortfall'].includes(g.kind) || g.severity !== 'low');
          expect(worrying, `${key} ${JSON.stringify(worrying)}`).to.have.length(0);
        }
      });

      it('has several initiatives four to five years old', () => {
        const aged = portfolio.initiatives.filter((i) => today >= addMonths(i.foundedOn, 48) && today < addMonths(i.foundedOn, 72));
        expect(aged.length).to.be.at.least(5);
      });
    });
  }

  it('is deterministic', () => {
    for (const today of TODAYS) {
      expect(JSON.stringify(buildDemoPortfolio(today))).to.equal(JSON.stringify(buildDemoPortfolio(today)));
    }
    // A fresh copy each time: mutating one build does not leak into the next.
    const first = buildDemoPortfolio('2026-11-24');
    first.initiatives[0]!.commitments.length = 0;
    first.funders[0]!.name = 'changed';
    const second = buildDemoPortfolio('2026-11-24');
    expect(second.initiatives[0]!.commitments.length).to.be.greaterThan(0);
    expect(second.funders[0]!.name).to.not.equal('changed');
  });

  it('founds the initiatives between 2015 and 2024 when loaded in 2026', () => {
    const years = buildDemoPortfolio('2026-11-24').initiatives.map((i) => Number(i.foundedOn.slice(0, 4)));
    expect(Math.min(...years)).to.equal(2015);
    expect(Math.max(...years)).to.equal(2024);
  });

  it('moves with the year it is loaded in', () => {
    const a = buildDemoPortfolio('2026-11-24');
    const b = buildDemoPortfolio('2027-11-24');
    expect(a.initiatives.map((i) => Number(i.foundedOn.slice(0, 4)) + 1)).to.deep.equal(b.initiatives.map((i) => Number(i.foundedOn.slice(0, 4))));
  });

  it('reports the gap kinds across the whole portfolio', () => {
    const today = '2026-11-24';
    const portfolio = buildDemoPortfolio(today);
    const funders = new Map(portfolio.funders.map((f) => [f.key, f]));
    const kinds = new Set(portfolio.initiatives.flatMap((i) => scan(i, funders, today).map((g) => g.kind)));
    expect(kinds).to.deep.equal(new Set<GapKind>(['shortfall', 'cliff', 'expiring', 'funder_limit', 'five_year_risk']));
  });
});
