import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../domain/settings.js';
import { smtpMailer } from '../mail/mailer.js';
import { batchJob, deliveryJob, digestBuildJob, digestSendJob, importJob, simulationJob, startJob, type Queues } from '../queues/queues.js';
import { RESOURCES } from '../resources/index.js';
import { AnalyticsService } from './analytics.js';
import { AuthService, DEFAULT_AUTH_SETTINGS } from './auth.js';
import { CrudService } from './crud.js';
import { DigestService, type DigestQueue } from './digests.js';
import { ExportService } from './exports.js';
import { ImportService, type ImportQueue } from './imports.js';
import { NotificationService } from './notifications.js';
import { recordRescans } from './rescans.js';
import { ReportingService } from './reporting.js';
import { CofinancingService, recordPledgeEvents } from './cofinancing.js';
import { SimulationService, type SimulationQueue } from './simulations.js';
import { ScanService, type ScanQueue } from './scans.js';
import { DEFAULT_WEBHOOK_SETTINGS, WebhookService, type WebhookQueue } from './webhooks.js';

export interface Services {
  auth: AuthService;
  crud: CrudService;
  analytics: AnalyticsService;
  exports: ExportService;
  scans: ScanService;
  imports: ImportService;
  notifications: NotificationService;
  webhooks: WebhookService;
  digests: DigestService;
  reporting: ReportingService;
  cofinancing: CofinancingService;
  simulations: SimulationService;
}

/** The queue side as the services see it: where to put jobs, and whether the queue answers. */
export interface QueueAccess {
  queues: Pick<Queues, 'scan' | 'import' | 'webhook' | 'digest' | 'simulation'>;
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

function webhookQueue({ queues }: QueueAccess, backoffMs: number): WebhookQueue {
  return {
    queueDeliveries: async (deliveries) => {
      await queues.webhook.addBulk(deliveries.map((d) => deliveryJob(d.id, backoffMs, d.test)));
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

function digestQueue({ queues }: QueueAccess, attempts: number, retryMs: number): DigestQueue {
  return {
    queueSends: async (digestIds) => {
      await queues.digest.addBulk(digestIds.map((id) => digestSendJob(id, attempts, retryMs)));
    },
    queueBuild: async (runAt) => {
      const { name, data, opts } = digestBuildJob(runAt);
      await queues.digest.add(name, data, opts);
    },
  };
}

/** The settings of the e-mail digests. */
export type DigestConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'DIGEST_TIMEZONE' | 'DIGEST_BATCH' | 'DIGEST_SEND_ATTEMPTS' | 'DIGEST_RETRY_MS' | 'PUBLIC_URL' | 'UNSUBSCRIBE_SECRET'>;

/** The services of an API process, and of a worker (which uses the scans). */
export function createServices(
  db: Knex,
  config: Pick<Config, 'SESSION_TTL' | 'SCAN_BATCH' | 'COUNT_CACHE_MS' | 'IMPORT_JOB_ROWS'> &
    Partial<Pick<Config, 'GRANT_PREFIX' | 'WEBHOOK_ALLOW_PRIVATE' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_BACKOFF_MS' | 'ANSWER_REFRESH_QUIET_MS' | 'ANSWER_REFRESH_RECENT_MS'>> &
    DigestConfig,
  queue: QueueAccess | null,
  settings: DomainSettings = DEFAULT_SETTINGS,
): Services {
  const auth = new AuthService(db, { ...DEFAULT_AUTH_SETTINGS, sessionTtlSeconds: config.SESSION_TTL });
  const crud = new CrudService(db, RESOURCES, config.COUNT_CACHE_MS);
  crud.onChange(recordRescans);
  crud.onChange(recordPledgeEvents);
  // Refreshing portfolio answers ahead is for the processes that answer them: off unless configured.
  const analytics = new AnalyticsService(db, crud, settings, {
    quietMs: config.ANSWER_REFRESH_QUIET_MS ?? 0,
    recentMs: config.ANSWER_REFRESH_RECENT_MS ?? 0,
  });
  return {
    auth,
    crud,
    analytics,
    imports: new ImportService(db, crud, queue ? importQueue(queue) : null, config.IMPORT_JOB_ROWS),
    exports: new ExportService(db, crud, analytics, config.GRANT_PREFIX ?? 'vangnet'),
    scans: new ScanService(db, crud, queue ? scanQueue(queue) : null, { settings, batchSize: config.SCAN_BATCH }),
    notifications: new NotificationService(db),
    webhooks: new WebhookService(db, crud, queue ? webhookQueue(queue, config.WEBHOOK_BACKOFF_MS ?? 680_000) : null, {
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE ?? DEFAULT_WEBHOOK_SETTINGS.allowPrivate,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS ?? DEFAULT_WEBHOOK_SETTINGS.timeoutMs,
    }),
    digests: new DigestService(
      db,
      queue ? digestQueue(queue, config.DIGEST_SEND_ATTEMPTS, config.DIGEST_RETRY_MS) : null,
      config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : null,
      {
        timeZone: config.DIGEST_TIMEZONE,
        batchSize: config.DIGEST_BATCH,
        publicUrl: config.PUBLIC_URL,
        mailFrom: config.MAIL_FROM,
        unsubscribeSecret: config.UNSUBSCRIBE_SECRET,
      },
    ),
    reporting: new ReportingService(db, crud, analytics),
    cofinancing: new CofinancingService(crud),
    simulations: new SimulationService(db, crud, queue ? simulationQueue(queue) : null, settings),
  };
}
