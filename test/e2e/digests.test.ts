// The e-mail digests in the console: a funder user changes their own digest and language under
// "Mijn instellingen" (on a phone, in Dutch, then in English), and an admin reads a digest that was
// kept without SMTP (outbound e-mails), its HTML in a sandboxed frame, in Dutch and English.
import { expect } from 'chai';
import { recordEvents } from '../../server/data/events.js';
import { DigestService } from '../../server/services/digests.js';
import { eventually, freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

describe('e-mail digests in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;

  const preferencesOf = (email: string) => run.db('users').where({ email }).first<{ language: string; digest: string }>('language', 'digest');

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    // A digest for De Gedeelde Pan's user, kept as not_sent (the demo has no SMTP), for the admin to read.
    const pan = await run.db('initiatives').where({ name: 'De Gedeelde Pan' }).first<{ id: number }>('id');
    await recordEvents(run.db, [
      {
        type: 'gap.opened',
        subjectType: 'gap',
        subjectId: 990_001,
        cause: 'e2e-digests',
        initiativeId: pan.id,
        funderIds: [],
        admins: false,
        data: { initiativeName: 'De Gedeelde Pan', gapId: 990_001, kind: 'shortfall', severity: 'high', periodStart: '2027-01-01', periodEnd: '2027-03-31', shortfallCents: 250_000 },
      },
    ]);
    const digests = new DigestService(run.db, null, null, { timeZone: 'Europe/Amsterdam', batchSize: 500, publicUrl: run.url, mailFrom: 'Vangnet <noreply@localhost>' });
    const built = await digests.build(new Date('2030-01-08T06:00:00Z'));
    for (const id of built.toSend) await digests.send(id);
  });

  after(async () => {
    // The demo users as they were, for the other browser tests.
    await run?.db('users').where({ email: USERS.funder.email }).update({ language: 'nl', digest: 'daily' });
  });

  describe('a funder user on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('changes their own digest under Mijn instellingen in the user menu', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      // On a phone the user menu is an icon button. Its item is chosen once the menu has opened,
      // and the page checked once the menu has gone (axe would measure its items mid-fade).
      await page.locator('header').getByRole('button', { name: /\(profiel\)$|^Profiel$|^Profile$/ }).click();
      const menu = page.locator('#menu-appbar .MuiPaper-root');
      await eventually(() => menu.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).opacity), (opacity) => opacity === '1');
      await page.getByRole('menuitem', { name: 'Mijn instellingen' }).click();
      await page.locator('#react-admin-title', { hasText: 'Mijn instellingen' }).waitFor();
      await page.locator('#menu-appbar').waitFor({ state: 'detached' });
      await page.getByRole('combobox', { name: 'E-mailoverzicht' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'E-mailoverzicht' }).innerText()).to.contain('dagelijks');
      await screenshot(page, 'digests-01-settings-phone');

      await page.getByRole('combobox', { name: 'E-mailoverzicht' }).click();
      await page.getByRole('option', { name: 'wekelijks (maandag)' }).click();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Je instellingen zijn opgeslagen.').waitFor();
      expect(await preferencesOf(USERS.funder.email)).to.deep.equal({ language: 'nl', digest: 'weekly' });
    });

    it('switches to English there, and the console follows', async () => {
      const page = tab();
      await page.getByRole('combobox', { name: 'Taal' }).click();
      await page.getByRole('option', { name: 'Engels' }).click();
      await page.getByRole('combobox', { name: 'E-mailoverzicht' }).click();
      await page.getByRole('option', { name: 'uit' }).click();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.locator('#react-admin-title', { hasText: 'My settings' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'E-mail digest' }).innerText()).to.contain('off');
      expect(await preferencesOf(USERS.funder.email)).to.deep.equal({ language: 'en', digest: 'off' });
      await screenshot(page, 'digests-02-settings-phone-english');
    });
  });

  describe('an admin', () => {
    const tab = freshPage(() => run);

    it('reads an outbound e-mail kept without SMTP: the HTML in a sandboxed frame, the text and the headers', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.getByRole('menuitem', { name: 'Verzonden e-mails' }).click();
      const row = page.getByRole('row').filter({ hasText: USERS.initiative.email }).first();
      await row.getByText('niet verzonden (geen SMTP)').waitFor();
      await screenshot(page, 'digests-03-outbound-list');
      await row.getByRole('cell', { name: USERS.initiative.email }).first().click();
      const heading = page.locator('h2', { hasText: '(8 januari 2030)' });
      await heading.waitFor();
      expect(await heading.innerText()).to.match(/^Vangnet: \d+ nieuwe melding(en)? \(8 januari 2030\)$/);
      const frame = page.locator('iframe[sandbox=""]');
      expect(await frame.getAttribute('title')).to.match(/^De e-mail ‘Vangnet: .*’ zoals de ontvanger hem ziet$/);
      await page.frameLocator('iframe[sandbox=""]').getByRole('heading', { name: 'De Gedeelde Pan' }).waitFor();
      expect(await page.getByTestId('outbound-text').innerText()).to.contain('Nieuw knelpunt bij De Gedeelde Pan');
      await page.getByRole('rowheader', { name: 'List-Unsubscribe-Post' }).waitFor();
      await screenshot(page, 'digests-04-outbound-show');
    });

    it('shows it in English too', async () => {
      const page = tab();
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText('not sent (no SMTP)').waitFor();
      expect(await page.locator('iframe[sandbox=""]').getAttribute('title')).to.match(/^The e-mail ‘Vangnet: .*’ as its reader sees it$/);
      await screenshot(page, 'digests-05-outbound-show-english');
    });
  });
});
