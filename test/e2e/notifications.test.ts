// Hearing of a gap without looking for it (design/notifications.md, "In the console"): after the
// demo's first scan the bell in the app bar counts each role's unread notifications; the
// initiative follows one to its page (which marks it read), a funder in English marks all read,
// and an admin reads them on a phone.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { notificationSentence } from '../../server/contract/notifications.js';
import type { EventType } from '../../server/domain/enums.js';
import { freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { ensureScanned, scansSettled } from './support/scans.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

interface Told {
  id: number;
  type: EventType;
  subject_id: number;
  initiative_id: number | null;
  data: Record<string, unknown>;
}

describe('notifications in the console', function () {
  this.timeout(180_000);
  let run: ConsoleRun;

  /** What the demo user with this e-mail is told of and has not read, newest first. */
  async function unreadOf(email: string): Promise<Told[]> {
    const user = await run.db('users').where({ email }).first<{ id: number; role: string; funder_id: number | null; initiative_id: number | null; notifications_read_through: number }>();
    const q = run.db('events').where('id', '>', user!.notifications_read_through).whereNotExists(run.db('notification_reads').where('user_id', user!.id).whereRaw('event_id = events.id'));
    if (user!.role === 'admin') q.where('admins', true);
    else if (user!.role === 'funder') q.whereRaw('funder_ids @> ARRAY[?]::int[]', [user!.funder_id]);
    else q.where('initiative_id', user!.initiative_id);
    return q.orderBy('id', 'desc').select('id', 'type', 'subject_id', 'initiative_id', 'data');
  }

  const bell = (page: Page) => page.getByTestId('notification-bell');

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    await ensureScanned(run);
    await scansSettled(run);
  });

  describe('the initiative user', () => {
    const tab = freshPage(() => run);

    it('sees the unread count on the bell, reads the sentences and follows one to its initiative', async () => {
      const page = tab();
      const unread = await unreadOf(USERS.initiative.email);
      expect(unread.length, 'the demo initiative hears of its gaps').to.be.greaterThan(0);
      await login(page, run, USERS.initiative);
      await bell(page).and(page.locator(`[aria-label="Meldingen: ${unread.length} ongelezen"]`)).waitFor();
      await bell(page).click();
      await page.waitForURL(/#\/notifications/);
      const sentences = page.getByTestId('notification-sentence');
      await sentences.first().waitFor();
      await screenshot(page, 'notifications-01-initiative');
      // The newest gap event (other browser tests may have told newer events of other kinds).
      const k = unread.findIndex((e) => e.type.startsWith('gap.'));
      expect(k, 'a gap event among the unread').to.be.at.least(0);
      const told = unread[k]!;
      const sentence = plain(await sentences.nth(k).innerText());
      expect(sentence).to.equal(plain(notificationSentence('nl', { type: told.type, subjectId: told.subject_id, initiativeId: told.initiative_id, data: told.data })));
      expect(sentence).to.match(/^(Nieuw knelpunt bij De Gedeelde Pan:|Het knelpunt .+ bij De Gedeelde Pan is nu ernstig|Opgelost bij De Gedeelde Pan:) .*\d{2}-\d{2}-\d{4} t\/m \d{2}-\d{2}-\d{4}/);

      await sentences.nth(k).click();
      await page.waitForURL(/#\/initiatives\/\d+\/show/);
      expect(Number(/initiatives\/(\d+)\/show/.exec(page.url())?.[1])).to.equal(told.initiative_id);
      await page.locator(`[aria-label="Meldingen: ${unread.length - 1} ongelezen"]`).waitFor();
      expect((await unreadOf(USERS.initiative.email)).map((e) => e.id)).to.not.include(told.id);
    });
  });

  describe('a funder, in English', () => {
    const tab = freshPage(() => run);

    it('filters the unread ones and marks all read with one button', async () => {
      const page = tab();
      const unread = await unreadOf(USERS.funder.email);
      expect(unread.length, 'Gemeente Utrecht hears of the gaps of what it funds').to.be.greaterThan(0);
      await login(page, run, USERS.funder);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.locator(`[aria-label="Notifications: ${unread.length} unread"]`).waitFor();
      await bell(page).click();
      await page.getByTestId('notification-sentence').first().waitFor();
      const newest = unread[0]!;
      expect(plain(await page.getByTestId('notification-sentence').first().innerText())).to.equal(
        plain(notificationSentence('en', { type: newest.type, subjectId: newest.subject_id, initiativeId: newest.initiative_id, data: newest.data })),
      );
      await screenshot(page, 'notifications-02-funder-english');

      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.locator('[aria-label="Notifications: 0 unread"]').waitFor();
      expect(await unreadOf(USERS.funder.email)).to.deep.equal([]);
      await page.getByRole('combobox', { name: 'Read' }).click();
      await page.getByRole('option', { name: 'Unread only' }).click();
      await page.getByTestId('no-results').waitFor();
      await screenshot(page, 'notifications-03-funder-all-read');
    });
  });

  describe('an admin on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('reaches the notifications from the bell, each sentence within the screen, and follows one', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await bell(page).click();
      const sentences = page.getByTestId('notification-sentence');
      await sentences.first().waitFor();
      const box = await sentences.first().boundingBox();
      expect(box!.x + box!.width, 'the sentence wraps within the screen').to.be.at.most(390);
      await screenshot(page, 'notifications-04-admin-phone');
      await sentences.first().click();
      // The newest may be a gap (its initiative), a failed scan or an overdue obligation (its page).
      await page.waitForURL(/#\/(initiatives\/\d+\/show|scans|obligations\/\d+\/show)/);
    });
  });
});
