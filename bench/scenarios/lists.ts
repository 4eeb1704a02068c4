// The list endpoints under load (autocannon), side by side with the bare server running the same
// SQL: latency at a fixed request rate, and the most requests per second either can serve.
import autocannon from 'autocannon';

export interface LoadFigures {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
}

export interface ServerFigures {
  /** at the fixed rate */
  fixed: LoadFigures;
  /** as fast as the connections go */
  max: LoadFigures;
}

export interface ListResult {
  name: string;
  path: string;
  rate: number;
  connections: number;
  durationSeconds: number;
  api: ServerFigures;
  bare: ServerFigures;
  /** whether both answered the same body and Content-Range */
  sameAnswer: boolean;
  /** the SQL both servers ran, as captured from the API's services */
  sql?: string[];
  /** api ÷ bare */
  p99Ratio: number;
  throughputRatio: number;
}

export interface LoadSettings {
  rate: number;
  connections: number;
  durationSeconds: number;
}

async function load(url: string, authorization: string, settings: LoadSettings, rate: number | undefined, duration: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration,
    headers: { authorization },
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function measure(url: string, authorization: string, settings: LoadSettings): Promise<ServerFigures> {
  await load(url, authorization, settings, settings.rate, 2);
  const fixed = await load(url, authorization, settings, settings.rate, settings.durationSeconds);
  const max = await load(url, authorization, settings, undefined, settings.durationSeconds);
  return { fixed, max };
}

async function answer(url: string, authorization: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization } });
  return `${res.status} ${res.headers.get('content-range')} ${await res.text()}`;
}

/** `settle` runs before each server's measurement (waiting for a quiet machine). */
export async function measureList(name: string, path: string, apiUrl: string, bareUrl: string, authorization: string, settings: LoadSettings, settle: (server: string) => Promise<void>): Promise<ListResult> {
  const [apiAnswer, bareAnswer] = await Promise.all([answer(apiUrl + path, authorization), answer(bareUrl + path, authorization)]);
  if (!apiAnswer.startsWith('200 ')) throw new Error(`${path} answered ${apiAnswer.slice(0, 300)}`);
  await settle('api');
  const api = await measure(apiUrl + path, authorization, settings);
  await settle('bare');
  const bare = await measure(bareUrl + path, authorization, settings);
  return {
    name,
    path,
    ...settings,
    api,
    bare,
    sameAnswer: apiAnswer === bareAnswer,
    p99Ratio: api.fixed.p99Ms / bare.fixed.p99Ms,
    throughputRatio: api.max.requestsPerSecond / bare.max.requestsPerSecond,
  };
}
