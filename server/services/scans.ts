// Starting a portfolio scan by hand: the scan record and its start job, or a 503 when the queue
// cannot take it (and then nothing is recorded).
import type { Knex } from 'knex';
import { z } from 'zod';
import { createScan } from '../data/scans.js';
import { unavailable } from '../errors.js';
import { isoDate } from '../contract/fields.js';
import { RESOURCES } from '../resources/index.js';
import { startJobId, type Queues } from '../../jobs/queues.js';
import { assertRoleMay } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { today } from './clock.js';
import { parseInput, type CrudService } from './crud.js';
import type { ApiRecord } from '../resources/resource.js';

/** What `POST /api/scans` takes. */
export const startScanBody = z.object({ asOf: isoDate().optional() }).strict();

export const QUEUE_DOWN = 'The job queue (Redis) cannot be reached, so no scan can start now. Reading and editing keep working; try again in a moment.';

export class ScanService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly queues: Pick<Queues, 'scan'> | null,
    private readonly queueReady: () => Promise<boolean>,
  ) {}

  async start(actor: Actor, input: unknown): Promise<ApiRecord> {
    assertRoleMay(actor, 'scans', 'create');
    const { asOf } = parseInput(startScanBody, input ?? {});
    if (!this.queues || !(await this.queueReady())) throw unavailable(QUEUE_DOWN, 'unavailable.queue');
    const queue = this.queues.scan;
    const scanId = await this.db.transaction(async (trx) => {
      const scan = await createScan(trx, 'manual', asOf ?? today());
      await recordAudit(trx, actor, 'create', 'scans', scan.id, null, { id: scan.id, trigger: scan.trigger, asOf: scan.as_of });
      try {
        await queue.add('start', { scanId: scan.id }, { jobId: startJobId(scan.id) });
      } catch {
        throw unavailable(QUEUE_DOWN, 'unavailable.queue');
      }
      return scan.id;
    });
    return this.crud.get(RESOURCES.scans!, actor, scanId);
  }

  /**
   * DESIGN.md: a portfolio scan runs on the first start of an empty or never-scanned database, so
   * nobody sees "no gaps" merely because no scan has run yet. Never-scanned: no portfolio scan
   * (`schedule` or `manual`) was ever recorded; rescans of single initiatives do not count. The
   * scan is the system's own, recorded as `schedule`. Answers the scan's id, or null when none
   * was needed or the queue cannot take it now (then the next start tries again).
   */
  async scanOnFirstStart(): Promise<number | null> {
    if (!this.queues || !(await this.queueReady())) return null;
    const queue = this.queues.scan;
    return this.db.transaction(async (trx) => {
      // one process at a time decides, so two API processes starting together queue one scan
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['vangnet:first-start-scan']);
      const scanned = await trx('scans').whereIn('trigger', ['schedule', 'manual']).first('id');
      if (scanned) return null;
      const scan = await createScan(trx, 'schedule', today());
      await queue.add('start', { scanId: scan.id }, { jobId: startJobId(scan.id) });
      return scan.id;
    });
  }
}
