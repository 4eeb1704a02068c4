// The bench's queue-backend choice and its report: the processes of a PostgreSQL run must pick
// PostgreSQL queues the way the product does (even when the bench runs with REDIS_URL set), and
// a result records, holds to targets and renders each backend, old Redis-only results included.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { queueBackend } from '../../server/queues/backend.js';
import { loadConfig } from '../../server/config.js';
import { backendEnv, benchBackend, parseQueueKinds } from '../../bench/support/queues.js';
import { checkTargets, fromRecorded, renderMarkdown, type RecordedResult } from '../../bench/support/report.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vangnet_bench_example';

/** The backend a child process started with the bench's environment chooses. */
function childBackend(kind: 'redis' | 'postgres', inherited: NodeJS.ProcessEnv) {
  const config = loadConfig({ ...inherited, DATABASE_URL, ...backendEnv(benchBackend(kind, inherited.REDIS_URL, DATABASE_URL)) });
  return queueBackend(config.REDIS_URL, DATABASE_URL);
}

describe('bench: queue backends', () => {
  it('starts the PostgreSQL run with no Redis, even when the bench itself has REDIS_URL', () => {
    expect(childBackend('postgres', { REDIS_URL: 'redis://127.0.0.1:6390' })).to.deep.equal({ kind: 'postgres', databaseUrl: DATABASE_URL, schema: 'bullmq' });
    expect(childBackend('postgres', {})).to.include({ kind: 'postgres' });
  });

  it('starts the Redis run on REDIS_URL, else the local Redis', () => {
    expect(childBackend('redis', { REDIS_URL: 'redis://127.0.0.1:6390' })).to.deep.equal({ kind: 'redis', url: 'redis://127.0.0.1:6390' });
    expect(childBackend('redis', {})).to.deep.equal({ kind: 'redis', url: 'redis://127.0.0.1:6379' });
  });

  it('reads --queues', () => {
    expect(parseQueueKinds('both')).to.deep.equal(['redis', 'postgres']);
    expect(parseQueueKinds('postgres')).to.deep.equal(['postgres']);
    expect(() => parseQueueKinds('kafka')).to.throw('--queues must be redis, postgres or both');
  });

  describe('report', () => {
    // A result recorded before the PostgreSQL queues: its scans and edit-to-flag were Redis's.
    const recorded = JSON.parse(readFileSync(new URL('../../bench/results/2026-11-24-10k.json', import.meta.url), 'utf8')) as RecordedResult;
    const redisOnly = fromRecorded(recorded);

    it('reads an old result as a Redis run', () => {
      expect(redisOnly.queues.map((q) => q.backend)).to.deep.equal(['redis']);
      expect(redisOnly.queues[0]!.scans).to.have.length(4);
      expect(redisOnly).to.not.have.property('scans');
    });

    it('holds both backends to the targets and renders them side by side', () => {
      const [redis] = redisOnly.queues;
      // The PostgreSQL run twice as slow as Redis's, its edit-to-flag past the target.
      const postgres = {
        ...redis!,
        backend: 'postgres' as const,
        scans: redis!.scans.map((x) => ({ ...x, seconds: x.seconds * 2 })),
        editToFlag: { ...redis!.editToFlag, p95Ms: 1500 },
      };
      const both = { ...redisOnly, queues: [redis!, postgres] };
      const targets = checkTargets(both);
      const edit = targets.filter((t) => t.figure.startsWith('edit-to-flag p95'));
      expect(edit.map((t) => [t.figure, t.met])).to.deep.equal([
        ['edit-to-flag p95 (Redis queues)', true],
        ['edit-to-flag p95 (PostgreSQL queues)', false],
      ]);
      const markdown = renderMarkdown({ ...both, targets });
      expect(markdown).to.contain('## Queue backends side by side');
      expect(markdown).to.contain('| edit-to-flag p95 | 404 ms | 1500 ms |');
      expect(markdown).to.match(/\| PostgreSQL \| 2 \| repeat \(same day, nothing changed\) \|/);
      expect(renderMarkdown({ ...redisOnly, targets: checkTargets(redisOnly) })).to.not.contain('side by side');
    });

    it('holds the reporting burden to the portfolio targets and renders it, when measured', () => {
      expect(checkTargets(redisOnly).map((t) => t.figure)).to.not.include('GET /api/stats/burden (median)');
      const burden = { path: '/api/stats/burden?year=2026', calls: 9, medianMs: 260, p95Ms: 300, minMs: 250, maxMs: 310, responseBytes: 1234, computed: 'kept', firstMs: 450, afterChangeMs: 300 };
      const withBurden = { ...redisOnly, analytics: { ...redisOnly.analytics, burden } };
      const targets = checkTargets(withBurden).filter((t) => t.figure.startsWith('GET /api/stats/burden'));
      expect(targets.map((t) => [t.figure, t.measured, t.target, t.met])).to.deep.equal([
        ['GET /api/stats/burden (median)', '260 ms', '≤ 250 ms', false],
        ['GET /api/stats/burden (p95)', '300 ms', '≤ 400 ms', true],
        ['GET /api/stats/burden (first call, nothing cached)', '450 ms', '≤ 400 ms', false],
        ['GET /api/stats/burden (15 s after a change)', '300 ms', '≤ 250 ms', false],
      ]);
      expect(renderMarkdown({ ...withBurden, targets: checkTargets(withBurden) })).to.contain('| `/api/stats/burden?year=2026` | 450 ms | 9 | 260 ms | 300 ms | 250 ms | 310 ms | 300 ms | 1,234 B | kept |');
    });

    it("holds a first scan's write floor, spread over the machine's cores, to the first scan's target", () => {
      expect(checkTargets(redisOnly).map((t) => t.figure).filter((f) => f.includes('write floor'))).to.deep.equal([]);
      const tables = [
        { table: 'gaps', rows: 458_722, seconds: 13.4 },
        { table: 'events', rows: 325_612, seconds: 7.1 },
      ];
      const onCores = (cores: number, seconds: number) => {
        const result = { ...redisOnly, machine: { ...redisOnly.machine, cores }, writeFloor: { tables, seconds } };
        return { result, bound: checkTargets(result).filter((t) => t.figure.includes('write floor')) };
      };
      const two = onCores(2, 20.5);
      expect(two.bound.map((t) => [t.figure, t.measured, t.target, t.met])).to.deep.equal([["first full scan's write floor ÷ 2 cores (a lower bound)", '10.3 s', '≤ 10.0 s', false]]);
      expect(onCores(4, 20.5).bound.map((t) => [t.measured, t.met])).to.deep.equal([['5.13 s', true]]);
      const markdown = renderMarkdown({ ...two.result, targets: checkTargets(two.result) });
      expect(markdown).to.contain('| gaps | 458,722 | 13.4 s | 29.2 |');
      expect(markdown).to.contain('| all | 784,334 | 20.5 s |  |');
      expect(markdown).to.contain('none can finish in less than the sum ÷ 2: **10.3 s**');
      // each first scan also against the bound; the others have no bound of their own
      expect(markdown).to.contain('| wall time | ÷ floor | ÷ write floor bound |');
      for (const scan of redisOnly.queues[0]!.scans) {
        const shown = scan.kind === 'first' ? `${(scan.seconds / 10.25).toFixed(1)}×` : '—';
        expect(markdown).to.contain(`| ${(scan.seconds / redisOnly.floor.seconds).toFixed(1)}× | ${shown} |`);
      }
      expect(renderMarkdown({ ...redisOnly, targets: checkTargets(redisOnly) })).to.not.contain('÷ write floor bound');
    });
  });
});
