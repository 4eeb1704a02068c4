// The figure endpoints, called one at a time by an admin: a single initiative's runway, and the
// portfolio answers (fragmentation, funding over the coming year, the five-year risk list) over
// the whole bench portfolio, each with whether it was read from kept figures or computed live.
// The reporting burden (`GET /api/stats/burden`) answers for today: it reads kept figures only
// when the run's as-of day is today (the default).
// Also what keeping the figures costs a rescan: one initiative's batch with and without them.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { listQuery, type ApiClient } from '../support/http.js';
import { median, percentile, timed } from '../support/stats.js';

export interface EndpointTiming {
  path: string;
  calls: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  responseBytes: number;
  /** `kept` or `live`, as the answer said (`computed`, or the Vangnet-Computed header) */
  computed?: string;
  /** portfolio answers: the first call, which computes the answer the others may reuse */
  firstMs?: number;
  /**
   * portfolio answers: one call AFTER_CHANGE_MS after the figures version moved, the API having
   * computed the answers asked lately again in the quiet (README "Kept figures"); absent in results
   * recorded before it was measured
   */
  afterChangeMs?: number;
}

/**
 * How long after a change the next look is timed: the API's quiet time (ANSWER_REFRESH_QUIET_MS,
 * 2 s) and time enough for it to compute the four portfolio answers again one after the other.
 */
export const AFTER_CHANGE_MS = 15_000;

async function time(api: ApiClient, path: string, warmups: number, calls: number): Promise<EndpointTiming> {
  let bytes = 0;
  let computed: string | undefined;
  const call = async () => {
    const res = await api.request<{ computed?: string }>('GET', path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
    bytes = res.text.length;
    computed = res.headers.get('vangnet-computed') ?? (Array.isArray(res.body) ? undefined : res.body?.computed);
  };
  for (let i = 0; i < warmups; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) samples.push((await timed(call)).ms);
  return { path, calls, medianMs: median(samples), p95Ms: percentile(samples, 95), minMs: Math.min(...samples), maxMs: Math.max(...samples), responseBytes: bytes, ...(computed ? { computed } : {}) };
}

export interface AnalyticsResult {
  runway: EndpointTiming & { initiativeId: number; commitments: number; tranches: number };
  fragmentation: EndpointTiming;
  /** absent in results recorded before it was measured */
  funding?: EndpointTiming;
  risk: EndpointTiming;
  /** absent in results recorded before it was measured */
  burden?: EndpointTiming;
}

export async function measureAnalytics(api: ApiClient, db: pg.Pool, asOf: string): Promise<AnalyticsResult> {
  // A typical initiative: active, from the middle of the portfolio, with the median number of
  // commitments (and so about the median number of tranches).
  const { rows } = await db.query<{ id: number; commitments: number; tranches: number }>(
    `WITH counts AS (
       SELECT i.id, (SELECT count(*)::int FROM commitments c WHERE c.initiative_id = i.id) AS commitments,
              (SELECT count(*)::int FROM tranches t JOIN commitments c ON c.id = t.commitment_id WHERE c.initiative_id = i.id) AS tranches
         FROM initiatives i WHERE i.status = 'active' AND i.id > (SELECT max(id) / 2 FROM initiatives) ORDER BY i.id LIMIT 200)
     SELECT * FROM counts
      WHERE commitments = (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY commitments) FROM counts)
      ORDER BY id LIMIT 1`,
  );
  const initiative = rows[0]!;
  const runway = await time(api, `/api/initiatives/${initiative.id}/runway?asOf=${asOf}`, 5, 50);
  const year = asOf.slice(0, 4);
  // Slow endpoints get fewer calls: the median of three is enough to see seconds.
  // The first call is timed apart: it computes the answer, the others may come from the answer
  // cache while nothing changes (README "Kept figures").
  const portfolioCalls = async (path: string) => {
    const first = await time(api, path, 0, 1);
    const rest = first.medianMs > 3000 ? await time(api, path, 0, 3) : await time(api, path, 0, 9);
    return { ...rest, firstMs: first.medianMs };
  };
  const fragmentation = await portfolioCalls(`/api/stats/fragmentation?year=${year}`);
  const funding = await portfolioCalls(`/api/stats/funding?asOf=${asOf}`);
  const risk = await portfolioCalls(`/api/stats/risk${listQuery({ sort: ['riskScore', 'DESC'], range: [0, 24] })}&asOf=${asOf}`);
  const burden = await portfolioCalls(`/api/stats/burden?year=${year}`);
  // A change (the figures version moves, as any committed write moves it), then the next look at
  // each answer some seconds later, as an admin comes back to the dashboard after an edit.
  await db.query("SELECT nextval('figures_version')");
  await sleep(AFTER_CHANGE_MS);
  for (const answer of [fragmentation, funding, risk, burden]) answer.afterChangeMs = (await time(api, answer.path, 0, 1)).medianMs;
  return { runway: { ...runway, initiativeId: initiative.id, commitments: initiative.commitments, tranches: initiative.tranches }, fragmentation, funding, risk, burden };
}
