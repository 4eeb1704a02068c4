// The mail tests' own SMTP server (smtp-server on 127.0.0.1, a free port, no TLS, no login) that
// parses every message it accepts with mailparser, and can refuse recipients for a while; and
// events recorded for the users a test makes.
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { recordEvents, type NewEvent } from '../../server/data/events.js';

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** Recipients refused so far (each RCPT TO answered 451). */
  refusals: string[];
  /** Answers 451 to RCPT TO for the addresses this says so of. */
  refuse(rule: ((address: string) => boolean) | null): void;
  /** The messages received for one address. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

/** A temporary failure as an SMTP server says it: `451 4.3.0 ...`. */
function temporaryFailure(message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: 451 });
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const refusals: string[] = [];
  let refusing: ((address: string) => boolean) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (refusing?.(address.address)) {
        refusals.push(address.address);
        callback(temporaryFailure('4.3.0 Mailbox temporarily unavailable, try again later'));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusals,
    refuse: (rule) => {
      refusing = rule;
    },
    to: (address) => received.filter((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.value.some((v) => v.address === address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let subject = 0;

/** A `gap.opened` event of an initiative, told to its users, the funders' users and admins. */
export async function gapEvent(db: Knex, initiative: { id: number; name: string }, funderIds: readonly number[] = [], over: Partial<NewEvent> = {}): Promise<number> {
  const gapId = 1_000_000 + ++subject + Math.floor(Math.random() * 1_000_000);
  const [id] = await recordEvents(db, [
    {
      type: 'gap.opened',
      subjectType: 'gap',
      subjectId: gapId,
      initiativeId: initiative.id,
      funderIds,
      admins: true,
      data: { initiativeName: initiative.name, gapId, kind: 'shortfall', severity: 'high', periodStart: '2027-01-01', periodEnd: '2027-03-31', shortfallCents: 123_456 },
      ...over,
    },
  ]);
  return id!;
}

/** Every existing user stops getting digests, so a test's digests are only those of the users it makes. */
export async function quietOtherUsers(db: Knex): Promise<void> {
  await db('users').update({ digest: 'off' });
}
