// Looks after portfolio scans whose jobs vanished (Redis restarted without its data, a job dropped
// by hand): a scan without progress for SCAN_STALL_MS gets its missing jobs queued again from the
// plan recorded on it, or fails with a reason. Never a scan that stays `running` for ever.
import type { Knex } from 'knex';
import { claimStalledScan, stalledScans, type StalledScan } from '../server/data/scans.js';
import type { Logger } from '../server/logger.js';
import { batchJob, startJob, type Queues, type ScanQueueJob } from '../server/queues/queues.js';
import type { ScanService } from '../server/services/scans.js';

/** Times one scan's lost jobs are queued again before it fails: jobs that keep vanishing need a person. */
export const MAX_REQUEUES = 3;

/** Job states in which the job will still run (or runs now). */
const ALIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** The jobs a stalled scan still needs: its start job when unplanned, else its unfinished batches. */
function expectedJobs(scan: StalledScan): ScanQueueJob[] {
  return scan.pendingBatches ? scan.pendingBatches.map(batchJob) : [startJob(scan.id)];
}

async function lookAfter(db: Knex, scans: ScanService, queue: Queues['scan'], scan: StalledScan, stallMs: number, logger: Logger): Promise<void> {
  const expected = expectedJobs(scan);
  const states = await Promise.all(expected.map((job) => queue.getJobState(job.opts.jobId)));
  const failed = expected.find((_, i) => states[i] === 'failed');
  if (failed) {
    // Its `failed` event was missed (the worker lost PostgreSQL or died at that moment).
    const job = await queue.getJob(failed.opts.jobId);
    await scans.fail(scan.id, `${failed.name} job failed: ${job?.failedReason ?? 'no reason recorded'}`);
    return;
  }
  const lost = expected.filter((_, i) => !ALIVE.has(states[i]!));
  if (lost.length && scan.supersededBy !== null) {
    // Its batches would write an older picture over the newer scan's gaps.
    await scans.fail(scan.id, `Its jobs vanished from the queue and scan ${scan.supersededBy} has completed since, so it is not resumed.`);
    logger.warn({ scan: scan.id, supersededBy: scan.supersededBy }, 'failed a stalled scan that a later one superseded');
    return;
  }
  if (!lost.length) {
    // Slow (its jobs wait behind others), not lost: look again after another SCAN_STALL_MS.
    await claimStalledScan(db, scan.id, stallMs, false);
    return;
  }
  if (scan.requeues >= MAX_REQUEUES) {
    const reason = `No progress for ${Math.round(stallMs / 1000)} s: ${lost.length} of its jobs vanished from the queue, also after ${scan.requeues} re-queues. Start a new scan.`;
    await scans.fail(scan.id, reason);
    logger.warn({ scan: scan.id, lost: lost.length }, 'failed a scan whose jobs keep vanishing');
    return;
  }
  const requeued = await db.transaction(async (trx) => {
    if (!(await claimStalledScan(trx, scan.id, stallMs, true))) return false;
    // A finished job without its batch row (impossible unless Redis and PostgreSQL disagree) would
    // block its id: remove it so the batch can run.
    await Promise.all(lost.filter((job) => states[expected.indexOf(job)] === 'completed').map((job) => queue.remove(job.opts.jobId)));
    await queue.addBulk(lost);
    return true;
  });
  if (requeued) logger.warn({ scan: scan.id, jobs: lost.length }, 'queued the lost jobs of a stalled scan again');
}

/** One round over every stalled scan. */
export async function lookAfterStalledScans(db: Knex, scans: ScanService, queue: Queues['scan'], stallMs: number, logger: Logger): Promise<void> {
  for (const scan of await stalledScans(db, stallMs)) await lookAfter(db, scans, queue, scan, stallMs, logger);
}

/** Runs a round every half SCAN_STALL_MS (at most every 10 s) while Redis answers. */
export class ScanWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Knex,
    private readonly scans: ScanService,
    private readonly queue: Queues['scan'],
    private readonly queueReady: () => Promise<boolean>,
    private readonly logger: Logger,
    private readonly stallMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), Math.max(250, Math.min(this.stallMs / 2, 10_000)));
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.round().finally(() => {
      this.running = undefined;
    });
  }

  private async round(): Promise<void> {
    try {
      if (await this.queueReady()) await lookAfterStalledScans(this.db, this.scans, this.queue, this.stallMs, this.logger);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'could not look after stalled scans; will try again');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
