// The SQL the API issues for one list request, captured from the API's own services through
// knex's `query` and `query-response` events: the session lookup (AuthService.authenticate), then
// the statements of CrudService.list in "waves" — statements sent while others were still running
// belong to the same wave (the page and the count run in parallel), a statement sent after all
// earlier ones answered starts a new wave (e.g. the joined fields of a page's rows). The bare
// server replays exactly these statements, wave after wave, with the same bindings.
import { createDb } from '../../server/data/db.js';
import { parseListParams } from '../../server/http/listParams.js';
import { RESOURCES } from '../../server/resources/index.js';
import { AuthService, toActor } from '../../server/services/auth.js';
import { CrudService } from '../../server/services/crud.js';

export interface CapturedQuery {
  sql: string;
  bindings: unknown[];
}

export interface CapturedList {
  resource: string;
  first: number;
  /** The Authorization header the bare server accepts. */
  authorization: string;
  auth: CapturedQuery;
  waves: CapturedQuery[][];
  /** position of the count statement, [wave, index] */
  count: [number, number];
  /** position of the statement whose rows are the answer: the last one that is not the count */
  rows: [number, number];
}

export interface ListRequest {
  resource: string;
  query: { sort: string; range: string; filter: string };
}

const isCount = (q: CapturedQuery) => /^select count\(\*\)/i.test(q.sql);

export async function captureList(databaseUrl: string, token: string, request: ListRequest): Promise<CapturedList> {
  const def = RESOURCES[request.resource];
  if (!def) throw new Error(`unknown resource ${request.resource}`);
  const db = createDb(databaseUrl, 4);
  const waves: CapturedQuery[][] = [];
  let inFlight = 0;
  let newWave = true;
  db.on('query', (q: { sql: string; bindings?: unknown[] }) => {
    if (newWave) waves.push([]);
    newWave = false;
    inFlight += 1;
    waves[waves.length - 1]!.push({ sql: q.sql, bindings: q.bindings ?? [] });
  });
  const answered = () => {
    inFlight -= 1;
    if (inFlight === 0) newWave = true;
  };
  db.on('query-response', answered);
  db.on('query-error', answered);
  try {
    const user = await new AuthService(db).authenticate(token);
    const [[auth]] = waves.splice(0) as [[CapturedQuery]];
    await new CrudService(db, RESOURCES).list(def, toActor(user), parseListParams(def, request.query));
    const positions = waves.flatMap((wave, w) => wave.map((q, i) => ({ q, at: [w, i] as [number, number] })));
    const count = positions.find((p) => isCount(p.q));
    const rows = positions.filter((p) => !isCount(p.q)).pop();
    if (!count || !rows) throw new Error(`expected a count and a page among: ${positions.map((p) => p.q.sql).join('\n')}`);
    const [first] = JSON.parse(request.query.range) as [number, number];
    return { resource: request.resource, first, authorization: `Bearer ${token}`, auth, waves, count: count.at, rows: rows.at };
  } finally {
    await db.destroy();
  }
}

/** Every statement of a captured list, in order, for the record. */
export function statements(list: CapturedList): string[] {
  return list.waves.flatMap((wave, w) => wave.map((q) => `-- wave ${w + 1}\n${q.sql}`));
}
