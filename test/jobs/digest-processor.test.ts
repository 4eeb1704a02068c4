import { expect } from 'chai';
import type { DigestService } from '../../server/services/digests.js';
import { processDigestJob } from '../../jobs/processors.js';

describe('the digest job processor', () => {
  const calls: string[] = [];
  const digests = {
    build: async (runAt: Date) => {
      calls.push(`build ${runAt.toISOString()}`);
      return { periods: [], made: 0, toSend: [] };
    },
    send: async (digestId: number) => {
      calls.push(`send ${digestId}`);
      return 'sent' as const;
    },
  } as unknown as DigestService;

  beforeEach(() => {
    calls.length = 0;
  });

  it('builds the period of the time a scheduled run was due, however late it runs', async () => {
    const due = Date.parse('2026-12-01T06:00:00Z');
    await processDigestJob(digests, { name: 'build', data: {}, timestamp: due - 3_600_000, delay: 3_600_000 });
    expect(calls).to.deep.equal(['build 2026-12-01T06:00:00.000Z']);
  });

  it('builds the run time a "send now" gave, and sends one digest', async () => {
    await processDigestJob(digests, { name: 'build', data: { runAt: '2026-12-02T09:30:00.000Z' }, timestamp: 0, delay: 0 });
    await processDigestJob(digests, { name: 'send', data: { digestId: 42 }, timestamp: 0, delay: 0 });
    expect(calls).to.deep.equal(['build 2026-12-02T09:30:00.000Z', 'send 42']);
  });
});
