// The e-mail digests end to end without a queue: a real SMTP server started by the test receives
// them; each user gets the events they are told of since their previous digest, in their
// language, with links into the console and the one-click unsubscribe headers (RFC 8058).
import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import { smtpMailer } from '../../server/mail/mailer.js';
import { DigestService, type DigestSettings } from '../../server/services/digests.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeInitiative, makeUser } from '../support/factories.js';
import { gapEvent, quietOtherUsers, startSmtp, type TestSmtp } from './support.js';

const PUBLIC_URL = 'http://vangnet.test:3000';
const SETTINGS: DigestSettings = { timeZone: 'Europe/Amsterdam', batchSize: 7, publicUrl: PUBLIC_URL, mailFrom: 'Vangnet <noreply@vangnet.test>', unsubscribeSecret: 'a secret for the tests only' };

/**
 * 07:00 in Amsterdam on a day: a Tuesday unless the date is a Monday. The runs are in December
 * 2037, a year with 2026's calendar, far from the present: a period's run is made once per
 * database (digest_runs), and a test elsewhere that sends the present day's digests ("send now")
 * would otherwise have made the period this test builds, once the real date reached it.
 */
const at7 = (date: string) => new Date(`${date}T06:00:00Z`);

describe('e-mail digests', function () {
  this.timeout(30_000);
  let app: TestApp;
  let smtp: TestSmtp;
  let digests: DigestService;

  const emailOf = async (id: number) => (await app.db('users').where({ id }).first<{ email: string }>('email')).email;
  /** Builds a run's digests and sends each, as the queue's jobs would. */
  const run = async (service: DigestService, runAt: Date) => {
    const built = await service.build(runAt);
    const sent = [];
    for (const id of built.toSend) sent.push(await service.send(id).catch((err: Error) => err.message));
    return { ...built, sent };
  };
  /** A header's value as sent, unfolded. */
  const headerOf = (mail: ParsedMail, key: string) => {
    const line = mail.headerLines.find((h) => h.key === key)?.line ?? '';
    return line.slice(line.indexOf(':') + 1).replace(/\r\n\s+/g, ' ').trim();
  };

  before(async () => {
    smtp = await startSmtp();
    app = await startTestApp();
    await quietOtherUsers(app.db);
    digests = new DigestService(app.db, null, smtpMailer(smtp.url, SETTINGS.mailFrom), SETTINGS);
  });

  after(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('sends each user what they are told of, in their language, with links and unsubscribe headers', async () => {
    const funderId = await makeFunder(app.db, { name: 'Fonds Morgen' });
    const initiative = { id: await makeInitiative(app.db, { name: 'Buurtkeuken Oost' }), name: 'Buurtkeuken Oost' };
    const other = { id: await makeInitiative(app.db, { name: 'Elders' }), name: 'Elders' };
    const nlUser = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    const enUser = await makeUser(app.db, 'funder', { funderId });
    await app.db('users').where({ id: enUser }).update({ language: 'en' });
    const otherUser = await makeUser(app.db, 'initiative', { initiativeId: other.id });
    for (let i = 0; i < 3; i++) await gapEvent(app.db, initiative, [funderId]);
    await app.db('users').where({ id: otherUser }).update({ digest: 'off' });
    await gapEvent(app.db, other);

    const result = await run(digests, at7('2037-12-01'));
    expect(result.periods).to.deep.equal(['daily:2037-12-01']);
    expect(result.made).to.equal(2);
    expect(result.sent).to.deep.equal(['sent', 'sent']);

    const [nl] = smtp.to(await emailOf(nlUser));
    expect(nl?.subject).to.equal('Vangnet: 3 nieuwe meldingen (1 december 2037)');
    expect(nl?.from?.value).to.deep.equal([{ name: 'Vangnet', address: 'noreply@vangnet.test' }]);
    expect(nl?.html).to.contain('<html lang="nl">');
    expect(nl?.html).to.contain('<h2 style="font-size:18px;margin:24px 0 8px">Buurtkeuken Oost</h2>');
    expect(nl?.text?.replace(/\u00a0/g, ' ')).to.contain('Nieuw knelpunt bij Buurtkeuken Oost: tekort (hoog), 01-01-2027 t/m 31-03-2027, tekort € 1.234,56.');
    expect(nl?.text).to.contain(`${PUBLIC_URL}/#/initiatives/${initiative.id}/show`);
    expect(nl?.html).to.contain(`href="${PUBLIC_URL}/#/initiatives/${initiative.id}/show"`);
    expect(nl?.text).not.to.contain('Elders');
    const unsubscribe = headerOf(nl!, 'list-unsubscribe');
    expect(unsubscribe).to.match(new RegExp(`^<${PUBLIC_URL}/api/unsubscribe\\?token=${nlUser}\\.[A-Za-z0-9_-]{43}>$`));
    expect(headerOf(nl!, 'list-unsubscribe-post')).to.equal('List-Unsubscribe=One-Click');
    expect(nl?.text).to.contain(unsubscribe.slice(1, -1));
    expect(nl?.messageId).to.match(/^<vangnet-digest-\d+@vangnet\.test>$/);

    const [en] = smtp.to(await emailOf(enUser));
    expect(en?.subject).to.equal('Vangnet: 3 new notifications (1 December 2037)');
    expect(en?.html).to.contain('<html lang="en">');
    expect(en?.text?.replace(/\u00a0/g, ' ')).to.contain('New gap at Buurtkeuken Oost: shortfall (high), 01/01/2027 to 31/03/2027, shortfall €1,234.56.');
    expect(en?.text).to.contain('Unsubscribe from these e-mails');
    expect(smtp.to(await emailOf(otherUser))).to.have.length(0);

    const rows = await app.db('outbound_emails').whereIn('user_id', [nlUser, enUser]).select('status', 'attempts', 'message_id', 'period', 'sent_at');
    expect(rows).to.have.length(2);
    for (const row of rows) expect(row).to.include({ status: 'sent', attempts: 1, period: 'daily:2037-12-01' });
    for (const row of rows) expect(row.sent_at).to.be.instanceOf(Date);
  });

  it('sends nothing on a second run of the same period, and only what is new the next day', async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Repair Café Noord' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    const email = await emailOf(user);
    await gapEvent(app.db, initiative);
    await run(digests, at7('2037-12-02'));
    expect(smtp.to(email)).to.have.length(1);

    await gapEvent(app.db, initiative);
    const again = await run(digests, at7('2037-12-02'));
    expect(again.made).to.equal(0);
    expect(again.toSend).to.deep.equal([]);
    expect(smtp.to(email)).to.have.length(1);

    await run(digests, at7('2037-12-03'));
    const mails = smtp.to(email);
    expect(mails).to.have.length(2);
    expect(mails[1]?.subject).to.equal('Vangnet: 1 nieuwe melding (3 december 2037)');
  });

  it('builds no digest when nothing is new for a user', async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Stil Initiatief' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    await gapEvent(app.db, { id: await makeInitiative(app.db), name: 'Iemand anders' });
    await run(digests, at7('2037-12-04'));
    expect(await app.db('digests').where({ user_id: user }).first()).to.equal(undefined);
    expect(smtp.to(await emailOf(user))).to.have.length(0);
  });

  it('gives weekly users their digest only on Monday, covering the whole week', async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Weekse Tafel' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    await app.db('users').where({ id: user }).update({ digest: 'weekly' });
    const email = await emailOf(user);
    await gapEvent(app.db, initiative);
    const tuesday = await run(digests, at7('2037-12-08'));
    expect(tuesday.periods).to.deep.equal(['daily:2037-12-08']);
    expect(smtp.to(email)).to.have.length(0);
    await gapEvent(app.db, initiative);
    const monday = await run(digests, at7('2037-12-14'));
    expect(monday.periods).to.deep.equal(['daily:2037-12-14', 'weekly:2037-W51']);
    const [weekly] = smtp.to(email);
    expect(weekly?.subject).to.equal('Vangnet: 2 nieuwe meldingen (14 december 2037)');
    expect(weekly?.text).to.contain('elke maandag');
    expect(await app.db('digests').where({ user_id: user }).select('period_key')).to.deep.equal([{ period_key: 'weekly:2037-W51' }]);
  });

  it('gives admins a weekly digest by default, and funder and initiative users a daily one', async () => {
    const admin = await makeUser(app.db, 'admin');
    const funder = await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) });
    const initiative = await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) });
    const rows = await app.db('users').whereIn('id', [admin, funder, initiative]).orderBy('id').select('digest', 'language');
    expect(rows).to.deep.equal([
      { digest: 'weekly', language: 'nl' },
      { digest: 'daily', language: 'nl' },
      { digest: 'daily', language: 'nl' },
    ]);
  });

  it('caps a long digest at 50 lines, newest first, and counts the rest', async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Drukke Buurt' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    for (let i = 0; i < 53; i++) await gapEvent(app.db, initiative, [], { data: { initiativeName: initiative.name, kind: 'cliff', severity: 'high', periodStart: `2027-01-${String(i % 28 + 1).padStart(2, '0')}`, periodEnd: '2027-12-31', shortfallCents: 0 } });
    await run(digests, at7('2037-12-05'));
    const [mail] = smtp.to(await emailOf(user));
    expect(mail?.subject).to.equal('Vangnet: 53 nieuwe meldingen (5 december 2037)');
    expect((mail?.text ?? '').match(/^- /gm)).to.have.length(50);
    expect(mail?.text).to.contain(`en 3 meer — bekijk ze in Vangnet: ${PUBLIC_URL}/`);
    // the newest (52nd, period from the 25th) comes first
    expect((mail?.text ?? '').indexOf('25-01-2027')).to.be.lessThan((mail?.text ?? '').indexOf('24-01-2027'));
  });

  it('keeps the digests as not_sent in outbound_emails when no SMTP is configured', async () => {
    const stored = new DigestService(app.db, null, null, SETTINGS);
    const initiative = { id: await makeInitiative(app.db), name: 'Zonder Post' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    await gapEvent(app.db, initiative);
    const before = smtp.received.length;
    const result = await run(stored, at7('2037-12-06'));
    expect(result.sent).to.deep.equal(['not_sent']);
    expect(smtp.received.length).to.equal(before);
    const row = await app.db('outbound_emails').where({ user_id: user }).first();
    expect(row).to.include({ status: 'not_sent', attempts: 0, subject: 'Vangnet: 1 nieuwe melding (6 december 2037)', period: 'daily:2037-12-06' });
    expect(row.html).to.contain('Zonder Post');
    expect(row.headers).to.have.property('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
  });

  it('tells each user exactly the events eventsFor gives them (the build restates it in SQL)', async () => {
    const funderA = await makeFunder(app.db);
    const funderB = await makeFunder(app.db);
    const one = { id: await makeInitiative(app.db), name: 'Een' };
    const two = { id: await makeInitiative(app.db), name: 'Twee' };
    const users = [
      await makeUser(app.db, 'initiative', { initiativeId: one.id }),
      await makeUser(app.db, 'initiative', { initiativeId: two.id }),
      await makeUser(app.db, 'funder', { funderId: funderA }),
      await makeUser(app.db, 'funder', { funderId: funderB }),
      await makeUser(app.db, 'admin'),
    ];
    await app.db('users').whereIn('id', users).update({ digest: 'daily' });
    await gapEvent(app.db, one, [funderA]);
    await gapEvent(app.db, one, [funderA, funderB], { admins: false });
    await gapEvent(app.db, two, [], { admins: false });
    await run(digests, at7('2037-12-07'));
    const { eventsFor } = await import('../../server/data/events.js');
    for (const id of users) {
      const user = await app.db('users').where({ id }).first<{ role: 'admin' | 'funder' | 'initiative'; funder_id: number | null; initiative_id: number | null }>();
      const digest = await app.db('digests').where({ user_id: id, period_key: 'daily:2037-12-07' }).first<{ from_event_id: string; to_event_id: string } | undefined>();
      const expected = await eventsFor(app.db, { role: user.role, funderId: user.funder_id, initiativeId: user.initiative_id })
        .where('events.id', '>', Number(digest?.from_event_id ?? 0))
        .where('events.id', '<=', Number(digest?.to_event_id ?? 0))
        .count<{ n: string }[]>({ n: '*' });
      const [mail] = smtp.to((await app.db('users').where({ id }).first<{ email: string }>('email')).email);
      expect(Boolean(digest), `user ${id} (${user.role}) has a digest`).to.equal(Number(expected[0]!.n) > 0);
      if (digest) expect(mail?.subject, `user ${id}`).to.contain(`${expected[0]!.n} nieuwe melding`);
    }
  });
});
