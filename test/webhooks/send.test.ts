// One delivery over the network, with the host's DNS answer given by the test: every resolved
// address is checked, and the connection goes to the address that was checked (pinned), never to
// a second answer. The only address ever connected to is the receiver's on 127.0.0.1.
import { expect } from 'chai';
import type { LookupAddress } from 'node:dns';
import { sendWebhook } from '../../server/interop/webhookSend.js';
import { Receiver } from './receiver.js';

describe('sending one webhook delivery', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await new Receiver([200, 302, 200]).start();
  });
  after(() => receiver.stop());

  const dns = (answers: LookupAddress[][]) => {
    let call = 0;
    const asked: string[] = [];
    return { asked, resolve: async (host: string) => (asked.push(host), answers[Math.min(call++, answers.length - 1)]!) };
  };

  it('refuses a host when any of its addresses is forbidden, before connecting', async () => {
    const { resolve, asked } = dns([[{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]]);
    const result = await sendWebhook('https://hooks.example.test/in', '{}', {}, { timeoutMs: 1000, allowPrivate: false, resolve });
    expect(result).to.deep.equal({ ok: false, statusCode: null, error: 'refused: hooks.example.test resolves to 10.0.0.7, a private address', refused: true });
    expect(asked).to.deep.equal(['hooks.example.test']);
    const mapped = await sendWebhook('https://hooks.example.test/in', '{}', {}, { timeoutMs: 1000, allowPrivate: false, resolve: dns([[{ address: '::ffff:169.254.169.254', family: 6 }]]).resolve });
    expect(mapped).to.include({ ok: false, error: 'refused: hooks.example.test resolves to ::ffff:169.254.169.254, a metadata address' });
    expect(receiver.received).to.have.length(0);
  });

  it('connects to the address it checked, once resolved, with the URL host in the Host header', async () => {
    const { resolve, asked } = dns([[{ address: '127.0.0.1', family: 4 }]]);
    const result = await sendWebhook(`http://receiver.test:${receiver.port}/hook`, '{"a":1}', { 'Content-Type': 'application/json' }, { timeoutMs: 2000, allowPrivate: true, resolve });
    expect(result).to.deep.equal({ ok: true, statusCode: 200 });
    expect(asked).to.deep.equal(['receiver.test']);
    expect(receiver.received[0]!.headers.host).to.equal(`receiver.test:${receiver.port}`);
    expect(receiver.received[0]!.body).to.equal('{"a":1}');
  });

  it('never follows a redirect: a 3xx is a failed delivery', async () => {
    const result = await sendWebhook(receiver.url, '{}', {}, { timeoutMs: 2000, allowPrivate: true });
    expect(result).to.deep.include({ ok: false, statusCode: 302 });
    expect(receiver.received).to.have.length(2);
  });
});
