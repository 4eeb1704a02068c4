// A real webhook receiver for the tests: a node http server on 127.0.0.1 (port 0) that verifies
// each delivery's signature with the shared secret, as a funder's system would (README "Webhooks"),
// and answers as the test scripts it: a status per request, or no answer at all.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the Vangnet-Signature header signs the raw body with the secret, within 5 minutes. */
  signatureValid: boolean;
}

/** What the receiver answers: a status code, or 'hang' (never answer). */
export type Answer = number | 'hang';

/** Verifies `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, written apart from the server's code. */
export function verify(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

export class Receiver {
  readonly received: Received[] = [];
  secret = '';
  private server: Server | undefined;
  private readonly hanging: ServerResponse[] = [];

  /** `answers[n]` for the n-th request; the last one for every request after. */
  constructor(private readonly answers: readonly Answer[] = [200]) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signature = req.headers['vangnet-signature'];
        this.received.push({ headers: req.headers, body, signatureValid: verify(this.secret, typeof signature === 'string' ? signature : undefined, body) });
        const answer = this.answers[Math.min(this.received.length - 1, this.answers.length - 1)]!;
        if (answer === 'hang') {
          this.hanging.push(res);
          return;
        }
        res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}
