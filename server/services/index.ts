import type { Knex } from 'knex';
import type { Queues } from '../queues/queues.js';
import type { Config } from '../config.js';
import { RESOURCES } from '../resources/index.js';
import { AnalyticsService } from './analytics.js';
import { AuthService, DEFAULT_AUTH_SETTINGS } from './auth.js';
import { CrudService } from './crud.js';
import { recordRescans } from './rescans.js';
import { ScanService } from './scans.js';

export interface Services {
  auth: AuthService;
  crud: CrudService;
  analytics: AnalyticsService;
  scans: ScanService;
}

/** The queue side as the API sees it: where to put jobs, and whether Redis answers. */
export interface QueueAccess {
  queues: Pick<Queues, 'scan'>;
  ready: () => Promise<boolean>;
}

export function createServices(db: Knex, config: Pick<Config, 'SESSION_TTL'>, queue: QueueAccess | null): Services {
  const auth = new AuthService(db, { ...DEFAULT_AUTH_SETTINGS, sessionTtlSeconds: config.SESSION_TTL });
  const crud = new CrudService(db, RESOURCES);
  crud.onChange(recordRescans);
  return {
    auth,
    crud,
    analytics: new AnalyticsService(db, crud),
    scans: new ScanService(db, crud, queue?.queues ?? null, queue?.ready ?? (async () => false)),
  };
}
