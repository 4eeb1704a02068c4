import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../domain/settings.js';
import { batchJob, importJob, simulationJob, startJob, type Queues } from '../queues/queues.js';
import { RESOURCES } from '../resources/index.js';
import { AnalyticsService } from './analytics.js';
import { AuthService, DEFAULT_AUTH_SETTINGS } from './auth.js';
import { CrudService } from './crud.js';
import { ExportService } from './exports.js';
import { ImportService, type ImportQueue } from './imports.js';
import { NotificationService } from './notifications.js';
import { recordRescans } from './rescans.js';
import { CofinancingService, recordPledgeEvents } from './cofinancing.js';
import { SimulationService, type SimulationQueue } from './simulations.js';
import { ScanService, type ScanQueue } from './scans.js';

export interface Services {
  auth: AuthService;
  crud: CrudService;
  analytics: AnalyticsService;
  exports: ExportService;
  scans: ScanService;
  imports: ImportService;
  notifications: NotificationService;
  cofinancing: CofinancingService;
  simulations: SimulationService;
}

/** The queue side as the services see it: where to put jobs, and whether the queue answers. */
export interface QueueAccess {
  queues: Pick<Queues, 'scan' | 'import' | 'simulation'>;
  ready: () => Promise<boolean>;
}

function scanQueue({ queues, ready }: QueueAccess): ScanQueue {
  return {
    ready,
    queueStart: async (scanId) => {
      const { name, data, opts } = startJob(scanId);
      await queues.scan.add(name, data, opts);
    },
    queueBatches: async (batches) => {
      await queues.scan.addBulk(batches.map(batchJob));
    },
  };
}

function importQueue({ queues, ready }: QueueAccess): ImportQueue {
  return {
    queueImport: async (importId, phase) => {
      // An add to a queue that is away would wait for it: the import service does the work itself instead.
      if (!(await ready())) throw new Error('The job queue is unavailable.');
      const { name, data, opts } = importJob(importId, phase);
      await queues.import.add(name, data, opts);
    },
  };
}

function simulationQueue({ queues, ready }: QueueAccess): SimulationQueue {
  return {
    ready,
    queueSimulation: async (simulationId) => {
      const { name, data, opts } = simulationJob(simulationId);
      await queues.simulation.add(name, data, opts);
    },
  };
}

/** The services of an API process, and of a worker (which uses the scans). */
export function createServices(
  db: Knex,
  config: Pick<Config, 'SESSION_TTL' | 'SCAN_BATCH' | 'COUNT_CACHE_MS' | 'IMPORT_JOB_ROWS'> & Partial<Pick<Config, 'GRANT_PREFIX'>>,
  queue: QueueAccess | null,
  settings: DomainSettings = DEFAULT_SETTINGS,
): Services {
  const auth = new AuthService(db, { ...DEFAULT_AUTH_SETTINGS, sessionTtlSeconds: config.SESSION_TTL });
  const crud = new CrudService(db, RESOURCES, config.COUNT_CACHE_MS);
  crud.onChange(recordRescans);
  crud.onChange(recordPledgeEvents);
  const analytics = new AnalyticsService(db, crud, settings);
  return {
    auth,
    crud,
    analytics,
    imports: new ImportService(db, crud, queue ? importQueue(queue) : null, config.IMPORT_JOB_ROWS),
    exports: new ExportService(db, crud, analytics, config.GRANT_PREFIX ?? 'vangnet'),
    scans: new ScanService(db, crud, queue ? scanQueue(queue) : null, { settings, batchSize: config.SCAN_BATCH }),
    notifications: new NotificationService(db),
    cofinancing: new CofinancingService(crud),
    simulations: new SimulationService(db, crud, queue ? simulationQueue(queue) : null, settings),
  };
}
