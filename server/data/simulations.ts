// A policy simulation over the whole portfolio: the active initiatives in batches of consecutive
// ids (like a scan's batches), each batch's funding loaded in one go, every initiative measured as
// it is and under the rule by the domain, only the tallies kept in memory. Nothing is written but
// the simulation's own progress and result.
import type { Knex } from 'knex';
import type { SimulationResult } from '../contract/simulations.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../domain/settings.js';
import { addToTally, applyRule, emptyTally, figuresOf, funderTypesOf, outlookOf, type GroupTally, type SimulationRule } from '../domain/simulation.js';
import { loadFunding } from './funding.js';

interface SimulationRow {
  id: number;
  rule: SimulationRule['rule'];
  params: Record<string, unknown>;
  as_of: string;
  status: string;
}

type GroupBy = SimulationResult['groups'][number]['groupBy'];

export async function createSimulation(knex: Knex, rule: SimulationRule, asOf: string): Promise<number> {
  const { rule: name, ...params } = rule;
  const [row] = await knex('simulations').insert({ rule: name, params: JSON.stringify(params), as_of: asOf }).returning<{ id: number }[]>('id');
  return row!.id;
}

/** Runs a simulation from the start (a retried job starts over: nothing is kept until the end). */
export async function runSimulation(db: Knex, id: number, settings: DomainSettings = DEFAULT_SETTINGS, batchSize = 200): Promise<void> {
  const row = await db('simulations').where({ id }).first<SimulationRow | undefined>();
  if (!row) throw new Error(`simulation ${id} is not recorded (yet)`);
  if (row.status === 'completed') return;
  const rule = { rule: row.rule, ...row.params } as SimulationRule;
  const total = Number((await db('initiatives').where({ status: 'active' }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
  await db('simulations').where({ id }).update({ status: 'running', initiatives_total: total, initiatives_done: 0, error: null });
  const tallies = new Map<string, { groupBy: GroupBy; group: string; current: GroupTally; simulated: GroupTally }>();
  const tallyOf = (groupBy: GroupBy, group: string) => {
    const key = `${groupBy}:${group}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { groupBy, group, current: emptyTally(), simulated: emptyTally() }));
    return t;
  };
  let after = 0;
  let done = 0;
  for (;;) {
    const batch = await db('initiatives')
      .where({ status: 'active' })
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .select<{ id: number; municipality: string }[]>('id', 'municipality');
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const municipality = new Map(batch.map((b) => [b.id, b.municipality]));
    for (const funding of await loadFunding(db, batch.map((b) => b.id))) {
      const current = outlookOf(funding, row.as_of, settings);
      const simulated = outlookOf(applyRule(funding, rule, row.as_of, settings), row.as_of, settings);
      const groups: [GroupBy, string][] = [['portfolio', 'all'], ['municipality', municipality.get(funding.id) ?? ''], ...funderTypesOf(funding).map((t): [GroupBy, string] => ['funderType', t])];
      for (const [groupBy, group] of groups) {
        const t = tallyOf(groupBy, group);
        addToTally(t.current, current);
        addToTally(t.simulated, simulated);
      }
    }
    done += batch.length;
    await db('simulations').where({ id }).update({ initiatives_done: done });
  }
  const order: GroupBy[] = ['portfolio', 'funderType', 'municipality'];
  const result: SimulationResult = {
    groups: [...tallies.values()]
      .sort((a, b) => order.indexOf(a.groupBy) - order.indexOf(b.groupBy) || a.group.localeCompare(b.group))
      .map((t) => ({ groupBy: t.groupBy, group: t.group, current: figuresOf(t.current), simulated: figuresOf(t.simulated) })),
  };
  await db('simulations').where({ id }).update({ status: 'completed', initiatives_done: done, result: JSON.stringify(result), finished_at: db.fn.now() });
}

export async function failSimulation(db: Knex, id: number, error: string): Promise<void> {
  await db('simulations').where({ id }).update({ status: 'failed', error, finished_at: db.fn.now() });
}
