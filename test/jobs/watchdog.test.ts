// The scan watchdog on either queue backend: a portfolio scan whose job vanished from the queue
// (dropped by hand here; on Redis also a crash, see redis-crash.test.ts) gets it queued again.
import { expect } from 'chai';
import { startJobId } from '../../server/queues/queues.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken } from '../support/factories.js';
import { forEachBackend, postScan, QUIET_SCHEDULE, settle, waitForScan } from './support.js';

forEachBackend('scan watchdog', (backend) => {
  let app: TestApp;
  let token: string;

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE, SCAN_STALL_MS: '1000' });
    token = await adminToken(app.db);
    const drain = await app.startWorker();
    await settle(app);
    await drain.close();
  });
  after(() => app.close());

  it('queues the start job of a scan again when it vanished from the queue, so the scan completes', async () => {
    const scan = await postScan(app, token, '2027-01-15');
    expect(await app.producer.queues.scan.remove(startJobId(scan.id))).to.equal(1);
    expect(await app.producer.queues.scan.getJobState(startJobId(scan.id))).to.equal('unknown');
    await app.startWorker();
    const { final } = await waitForScan(app, token, scan.id, 15_000);
    expect(final.status).to.equal('completed');
  });
});
