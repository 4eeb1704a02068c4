// Loads what the funding calculations need, for any number of initiatives, in four set-based
// queries (initiatives, budgets, commitments with their funders, tranches) — never a query per
// commitment or per month.
import type { Knex } from 'knex';
import type { Budget, Commitment, Funder, Initiative, RowOf, Tranche } from '../contract/index.js';
import { PIPELINE_STATUSES } from '../domain/enums.js';
import type { LoadedCommitment, LoadedFunder, InitiativeFunding, IsoDate } from '../domain/types.js';

// The rows as loaded: the records' own values (server/contract/) under their column names.
type InitiativeRow = Pick<RowOf<Initiative>, 'id' | 'founded_on' | 'reserves_cents' | 'status'>;

type CommitmentRow = Pick<RowOf<Commitment>, 'id' | 'initiative_id' | 'funder_id' | 'kind' | 'status' | 'start_date' | 'end_date' | 'amount_cents'> & {
  funder_name: Funder['name'];
  funder_type: Funder['type'];
  max_funding_years: Funder['maxFundingYears'];
};

type TrancheRow = Pick<RowOf<Tranche>, 'id' | 'commitment_id' | 'period_start' | 'period_end' | 'amount_cents' | 'status'>;

type BudgetRow = Pick<RowOf<Budget>, 'initiative_id' | 'year' | 'amount_cents'>;

export interface LoadOptions {
  /**
   * For the scans, whose gap rules and kept figures look at money and need from this day on: load
   * only the tranches of commitments ending on or after it, and the budgets from its year and the
   * one carried into it. A commitment whose tranches are left out then looks untranched, which
   * changes no money from that day on.
   */
  from?: IsoDate;
}

/**
 * The funding picture of each initiative, ordered by id: `initiatives` is a list of ids or a query
 * selecting them (the access scope). Declined and withdrawn commitments count in no figure, so
 * they are not loaded.
 */
export async function loadFunding(db: Knex, initiatives: readonly number[] | Knex.QueryBuilder, options: LoadOptions = {}): Promise<InitiativeFunding[]> {
  if (Array.isArray(initiatives) && !initiatives.length) return [];
  const ids = Array.isArray(initiatives) ? [...initiatives] : (initiatives as Knex.QueryBuilder);
  const commitmentsOf = (q: Knex.QueryBuilder) => q.whereIn('c.initiative_id', ids).whereIn('c.status', PIPELINE_STATUSES);
  const trancheCommitmentsOf = (q: Knex.QueryBuilder) => {
    commitmentsOf(q);
    if (options.from) q.where('c.end_date', '>=', options.from);
    return q;
  };
  // Knex queries start when awaited: in parallel on the pool, one after the other in a
  // transaction (one connection, which pg cannot share between queries in flight).
  const queries = [
    db('initiatives').whereIn('id', ids).orderBy('id').select<InitiativeRow[]>('id', 'founded_on', 'reserves_cents', 'status'),
    db('budgets')
      .whereIn('initiative_id', ids)
      .modify((q) => {
        if (!options.from) return;
        // From the window's year on, plus the latest earlier budget, which carries forward into
        // years without one of their own (NeedPlan in domain/allocation.ts).
        const fromYear = Number(options.from.slice(0, 4));
        q.where((w) =>
          w
            .where('year', '>=', fromYear)
            .orWhereRaw('year = (SELECT max(e.year) FROM budgets e WHERE e.initiative_id = budgets.initiative_id AND e.year < ?)', [fromYear]),
        );
      })
      .select<BudgetRow[]>('initiative_id', 'year', 'amount_cents'),
    db('commitments as c')
      .join('funders as f', 'f.id', 'c.funder_id')
      .modify(commitmentsOf)
      .orderBy('c.id')
      .select<CommitmentRow[]>(
        'c.id',
        'c.initiative_id',
        'c.funder_id',
        'f.name as funder_name',
        'f.type as funder_type',
        'f.max_funding_years',
        'c.kind',
        'c.status',
        'c.start_date',
        'c.end_date',
        'c.amount_cents',
      ),
    // By commitment id through the (commitment_id, period_start) index: a join lets the planner
    // read every tranche of the portfolio for one batch.
    db('tranches as t')
      .whereRaw('t.commitment_id = ANY(ARRAY(?))', [db('commitments as c').select('c.id').modify(trancheCommitmentsOf)])
      .orderBy(['t.commitment_id', 't.period_start', 't.id'])
      .select<TrancheRow[]>('t.id', 't.commitment_id', 't.period_start', 't.period_end', 't.amount_cents', 't.status'),
  ] as const;
  const [initiativeRows, budgets, commitments, tranches] = db.isTransaction
    ? [await queries[0], await queries[1], await queries[2], await queries[3]]
    : await Promise.all(queries);
  return assemble(initiativeRows, budgets, commitments, tranches);
}

function assemble(
  initiatives: readonly InitiativeRow[],
  budgets: readonly BudgetRow[],
  commitments: readonly CommitmentRow[],
  tranches: readonly TrancheRow[],
): InitiativeFunding[] {
  const byId = new Map<number, InitiativeFunding>();
  for (const i of initiatives) {
    byId.set(i.id, { id: i.id, foundedOn: i.founded_on, reservesCents: i.reserves_cents, status: i.status, budgets: [], commitments: [], funders: new Map() });
  }
  for (const b of budgets) byId.get(b.initiative_id)?.budgets.push({ year: b.year, amountCents: b.amount_cents });
  const commitmentById = new Map<number, LoadedCommitment>();
  for (const c of commitments) {
    const initiative = byId.get(c.initiative_id);
    if (!initiative) continue;
    const commitment: LoadedCommitment = {
      id: c.id,
      funderId: c.funder_id,
      funderType: c.funder_type,
      kind: c.kind,
      status: c.status,
      startDate: c.start_date,
      endDate: c.end_date,
      amountCents: c.amount_cents,
      tranches: [],
    };
    commitmentById.set(c.id, commitment);
    initiative.commitments.push(commitment);
    const funder: LoadedFunder = { id: c.funder_id, name: c.funder_name, type: c.funder_type, maxFundingYears: c.max_funding_years };
    initiative.funders.set(c.funder_id, funder);
  }
  for (const t of tranches) {
    commitmentById.get(t.commitment_id)?.tranches.push({ id: t.id, periodStart: t.period_start, periodEnd: t.period_end, amountCents: t.amount_cents, status: t.status });
  }
  return [...byId.values()];
}
