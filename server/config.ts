// Every setting comes from the environment (see .env.example). Without DATABASE_URL Vangnet runs
// its own PostgreSQL with the data in VANGNET_DATA_DIR; without REDIS_URL the queues live in PostgreSQL.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: an embedded PostgreSQL server with its data in VANGNET_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  VANGNET_DATA_DIR: z.string().default('.vangnet'),
  /** Unset: the queues run on PostgreSQL, in the database's schema `bullmq`. */
  REDIS_URL: z.string().url().optional(),
  DEMO_DATA: bool.default(true),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  SESSION_TTL: z.coerce.number().int().positive().default(12 * 3600),
  CORS_ORIGIN: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** How long a query waits for a connection (or to connect) before the API answers 503. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Key prefix of the queues in Redis; the braces make it a Redis Cluster hash tag. */
  QUEUE_PREFIX: z.string().regex(/^\{[\w.:-]+\}$/, { error: 'must be a hash tag like {vangnet}' }).default('{vangnet}'),
  SCAN_BATCH: z.coerce.number().int().min(1).max(100_000).default(500),
  /** How long a list's total (Content-Range) may be reused, ms; writes through the API forget them at once. */
  COUNT_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * How long the figures must stand still (nothing committed) before the portfolio answers asked
   * lately are computed again ahead of the next question, ms; 0: only when asked.
   */
  ANSWER_REFRESH_QUIET_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /** Only portfolio answers asked within this long are computed again ahead, ms. */
  ANSWER_REFRESH_RECENT_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  /** Import files with more rows than this are previewed and applied by a job, with progress on the import. */
  IMPORT_JOB_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  SCAN_SCHEDULE: z.string().default('0 3 * * *'),
  SCAN_TIMEZONE: z.string().default('Europe/Amsterdam'),
  /** A rescan waits this long for further edits of the same initiative before it runs. */
  RESCAN_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(300),
  /** A rescan handed to the queue that has not run after this long is handed over again (its job was lost). */
  RESCAN_REQUEUE_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** A portfolio scan without progress for this long has its lost jobs queued again, or fails. */
  SCAN_STALL_MS: z.coerce.number().int().min(1_000).default(60_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  /**
   * How long a stop (SIGTERM, SIGINT, SIGHUP) waits for the running jobs to finish, ms; then, or at
   * a second signal, the process stops without them (another worker takes them over after JOB_LOCK_MS).
   */
  STOP_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** false: `npm start` serves the API only and leaves the jobs to `npm run worker` processes. */
  START_WORKER: bool.default(true),
  /** The prefix of this installation's 360Giving identifiers (`360G-vangnet-…`): letters, digits and hyphens. */
  GRANT_PREFIX: z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'letters, digits and hyphens only' }).default('vangnet'),
  /** true: webhooks may use http: and private, loopback and link-local addresses (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** The first retry's delay of a failed webhook delivery, ms; each next one doubles (8 attempts span about a day). */
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(680_000),
  /** How long one webhook delivery may take before it counts as failed, ms. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  /** The SMTP server the digests go out through (`smtp://user:pass@host:587`); unset: they are kept in outbound_emails, not sent. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Vangnet <noreply@localhost>'),
  /** When the e-mail digests are built (cron, in DIGEST_TIMEZONE); weekly digests go with the first run of a Monday. */
  DIGEST_SCHEDULE: z.string().default('0 7 * * *'),
  DIGEST_TIMEZONE: z.string().default('Europe/Amsterdam'),
  /** Users per statement when a digest period's rows are made. */
  DIGEST_BATCH: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /** How often a digest's sending is tried, and the first wait before a retry (doubled each time). */
  DIGEST_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  DIGEST_RETRY_MS: z.coerce.number().int().min(10).default(60_000),
  /** Where people reach the console: the links in e-mails start with it. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Signs the unsubscribe links; unset: a secret generated once and kept in the database (app_secrets). */
  UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
}).refine((c) => c.RESCAN_REQUEUE_MS > c.RESCAN_DEBOUNCE_MS, {
  // Each hand-over restarts the debounce wait: handing over again sooner would postpone the rescan for ever.
  path: ['RESCAN_REQUEUE_MS'],
  error: 'must be greater than RESCAN_DEBOUNCE_MS',
});

export type Config = z.infer<typeof schema>;

/** Reads the configuration; an empty variable counts as unset. Throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
