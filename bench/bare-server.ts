// The bare limit the list endpoints are measured against: `node:http` and `pg`, nothing else,
// running exactly the SQL the API issues for the same request (captured from the API's own
// services through knex's events, see bench/support/capture.ts): the session lookup, then the
// list's statements wave by wave (those the API runs in parallel, in parallel). Same pool size,
// same type parsers, same JSON.
//
// Env: DATABASE_URL, PORT, BARE_ROUTES (a JSON file: request path → captured queries), DB_POOL_MAX.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import type { CapturedList } from './support/capture.js';

pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const routes = new Map(Object.entries(JSON.parse(readFileSync(process.env.BARE_ROUTES!, 'utf8')) as Record<string, CapturedList>));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });

const server = createServer(async (req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  const route = routes.get(req.url ?? '');
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  try {
    const user = await pool.query(route.auth.sql, route.auth.bindings);
    if (!user.rowCount || req.headers.authorization !== route.authorization) {
      res.writeHead(401).end();
      return;
    }
    const results: pg.QueryResult[][] = [];
    for (const wave of route.waves) results.push(await Promise.all(wave.map((q) => pool.query(q.sql, q.bindings))));
    const page = results[route.rows[0]]![route.rows[1]]!;
    const total = Number((results[route.count[0]]![route.count[1]]!.rows[0] as { total?: unknown } | undefined)?.total ?? 0);
    const last = route.first + page.rows.length - 1;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-range': page.rows.length ? `${route.resource} ${route.first}-${last}/${total}` : `${route.resource} */${total}`,
    });
    res.end(JSON.stringify(page.rows));
  } catch (err) {
    res.writeHead(500).end((err as Error).message);
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
