// The job processors: each hands its job to the scan service (server/services/scans.ts), where a
// scan's plan, batches and finish live. Plain functions, callable without a queue in a test; each
// is safe to run more than once for the same job.
import type { Job } from 'bullmq';
import type { BatchResult } from '../server/data/scans.js';
import type { BatchJob, DigestJob, ImportJob, RescanJob, SimulationJob, StartJob, WebhookJob } from '../server/queues/queues.js';
import type { BuildResult, DigestService, SendResult } from '../server/services/digests.js';
import type { ImportService } from '../server/services/imports.js';
import type { ScanService } from '../server/services/scans.js';
import type { SimulationService } from '../server/services/simulations.js';
import type { DeliveryOutcome, WebhookService } from '../server/services/webhooks.js';

type ScanJob = Pick<Job<StartJob | BatchJob>, 'id' | 'name' | 'data'>;

/** A `start` job plans its scan and queues the batches; a `batch` job runs one. */
export async function processScanJob(scans: ScanService, job: ScanJob): Promise<BatchResult | { scanId: number }> {
  if (job.name === 'batch') return scans.runBatch(job.data as BatchJob);
  return { scanId: await scans.plan(job.data as StartJob, String(job.id)) };
}

export function processRescanJob(scans: ScanService, job: Pick<Job<RescanJob>, 'data'>): Promise<BatchResult> {
  return scans.rescan(job.data.initiativeId);
}

/** An `import` job previews or applies a large import file, keeping its progress on the import record. */
export function processImportJob(imports: ImportService, job: Pick<Job<ImportJob>, 'data'>): Promise<void> {
  return imports.runJob(job.data.importId, job.data.phase);
}

/** A `webhook` job attempts one delivery; a failed attempt throws, and the queue retries it with backoff. */
export function processWebhookJob(webhooks: WebhookService, job: Pick<Job<WebhookJob>, 'data'>): Promise<DeliveryOutcome> {
  return webhooks.deliver(job.data.deliveryId);
}

/**
 * A `digest` job: `build` makes the digests of the period its run falls in — the scheduler's run
 * time (when the job was due), or the time a `send digests now` gave — and queues their sends;
 * `send` sends one digest.
 */
export function processDigestJob(digests: DigestService, job: Pick<Job<DigestJob>, 'name' | 'data' | 'timestamp' | 'delay'>): Promise<BuildResult | SendResult> {
  const data = job.data;
  if ('digestId' in data) return digests.send(data.digestId);
  return digests.build(data.runAt ? new Date(data.runAt) : new Date(job.timestamp + (job.delay ?? 0)));
}

/** A `simulate` job runs a policy simulation over the whole portfolio, keeping its progress on the simulation record. */
export function processSimulationJob(simulations: SimulationService, job: Pick<Job<SimulationJob>, 'data'>): Promise<void> {
  return simulations.run(job.data.simulationId);
}
