// A real server on a free port over the test database and a real Redis (queues under a prefix of
// this run's own), and a small fetch-based client.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { queueBackend } from '../../server/queues/backend.js';
import { startProducer, type Producer } from '../../server/queues/producer.js';
import { startWorkers, type WorkerRuntime } from '../../jobs/runtime.js';
import type { Config } from '../../server/config.js';
import { createDb, type Db } from '../../server/data/db.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { createServices, type Services } from '../../server/services/index.js';
import { testConfig, type TestConfig } from './env.js';

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** `manual` answers a redirect itself instead of following it. */
  redirect?: 'follow' | 'manual';
}

export interface TestApp {
  url: string;
  app: Express;
  db: Db;
  config: TestConfig;
  services: Services;
  producer: Producer;
  /** Starts a worker in this process on the run's queues. */
  startWorker(overrides?: Partial<Record<keyof Config, string>>): Promise<WorkerRuntime>;
  close(): Promise<void>;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<Response<T>>;
}

export interface TestAppOptions {
  /** A console build to serve at `/`, as `npm start` serves admin/dist. */
  consoleDir?: string;
}

export async function startTestApp(overrides: Partial<Record<keyof Config, string>> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const logger = createLogger('silent');
  const db = createDb(config.DATABASE_URL, 10, { acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS, logger });
  const backend = queueBackend(config.REDIS_URL, config.DATABASE_URL);
  const producer = startProducer(db, backend, config, logger);
  const services = createServices(db, config, producer);
  services.crud.onCommitted(() => producer.relay.kick());
  const app = createApp({ db, logger, ...services, corsOrigin: 'http://console.example', queueReady: { backend: backend.kind, ready: producer.ready }, queues: producer.queues, consoleDir: options.consoleDir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workers: WorkerRuntime[] = [];
  return {
    url,
    app,
    db,
    config,
    services,
    producer,
    async startWorker(workerOverrides = {}) {
      const worker = await startWorkers(db, backend, testConfig({ ...overrides, ...workerOverrides }), logger);
      workers.push(worker);
      return worker;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      services.analytics.close();
      for (const w of workers) await w.close();
      await producer.close();
      await db.destroy();
    },
    async request<T>(method: string, path: string, options: RequestOptions = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method, headers, body, redirect: options.redirect });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed as T };
    },
  };
}

/** `?sort=...&range=...&filter=...` in react-admin's encoding. */
export function listQuery(params: { sort?: [string, string]; range?: [number, number]; filter?: Record<string, unknown> }): string {
  const search = new URLSearchParams();
  if (params.sort) search.set('sort', JSON.stringify(params.sort));
  if (params.range) search.set('range', JSON.stringify(params.range));
  if (params.filter) search.set('filter', JSON.stringify(params.filter));
  const s = search.toString();
  return s ? `?${s}` : '';
}
