// Reporting in the console (design/reporting.md): De Gedeelde Pan sees every report it owes, to
// whom and when, and answers Gemeente Utrecht and Fonds Samen Sterk with one report and a file;
// Gemeente Utrecht reviews only what it asked; the admin sees the burden per funder type; its
// impact shows beside its money. In Dutch, in English and on a phone; axe checks every page.
//
// From the demo portfolio (Y = this year): Gemeente Utrecht's Participatie subsidy Y-1..Y reports
// yearly ("Inhoudelijk verslag jaar 2" due 31-03-(Y+1)); Fonds Samen Sterk's grant ends in 5 months
// and asks a final report ("Inhoudelijk verslag (eind)") and an interim outcome report that fell
// due two weeks ago (overdue).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { eventually, freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { fillDay } from './support/forms.js';

describe('reporting obligations in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let panId: number;
  const year = new Date().getFullYear();

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    panId = (await run.db('initiatives').where({ name: 'De Gedeelde Pan' }).first<{ id: number }>('id')).id;
  });


  const calendarRow = (page: Page, ...texts: string[]) => texts.reduce((rows, text) => rows.filter({ hasText: text }), page.getByTestId('obligations-calendar').locator('tbody tr'));

  describe('the initiative, in Dutch', () => {
    const tab = freshPage(() => run);

    it('shows its overdue obligation on its dashboard', async () => {
      const page = tab();
      await login(page, run, USERS.initiative);
      const overdue = page.getByTestId('overdue-obligations');
      await overdue.getByText('Tussentijdse resultatenrapportage').waitFor();
      await overdue.getByText('14 dagen te laat').waitFor();
      await screenshot(page, 'reporting-01-initiative-dashboard');
    });

    it('shows every obligation on its page, by due date, with its funder, and its impact beside its money', async () => {
      const page = tab();
      await page.goto(`${run.url}/#/initiatives/${panId}/show`);
      await calendarRow(page, 'Fonds Samen Sterk', 'Tussentijdse resultatenrapportage').getByText('14 dagen te laat').waitFor();
      await calendarRow(page, 'Gemeente Utrecht', 'Inhoudelijk verslag jaar 2', `31-03-${year + 1}`).waitFor();
      const impact = page.getByTestId('impact');
      await impact.getByRole('heading', { name: 'Gedeelde maaltijden (maaltijden)' }).waitFor();
      await eventually(() => impact.getByTestId('indicator-table').first().locator('tbody tr').count(), (n) => n >= 3);
      await page.getByTestId('burden').getByRole('columnheader', { name: 'Per € 10.000' }).waitFor();
      await screenshot(page, 'reporting-02-initiative-page');
    });

    it('answers Gemeente Utrecht and Fonds Samen Sterk with one report and a PDF', async () => {
      const page = tab();
      await calendarRow(page, 'Gemeente Utrecht', 'Inhoudelijk verslag jaar 2').getByRole('checkbox').check();
      await calendarRow(page, 'Fonds Samen Sterk', 'Inhoudelijk verslag (eind)').getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Eén verslag voor deze verplichtingen' }).click();
      await page.waitForURL(/#\/reports\/create/);
      // The form reads the chosen obligations from the address, then lists them checked.
      await eventually(() => page.getByRole('checkbox', { checked: true }).count(), (n) => n === 2);
      await page.getByLabel('Titel').fill(`Jaarverslag ${year}`);
      await fillDay(page, 'Periode van', `${year}-01-01`);
      await fillDay(page, 'Periode tot en met', `${year}-12-31`);
      await page.getByLabel('Samenvatting').fill('Ruim 7.000 gedeelde maaltijden; zie de bijlage.');
      const dir = await mkdtemp(path.join(tmpdir(), 'vangnet-report-'));
      const pdf = path.join(dir, 'jaarverslag.pdf');
      await writeFile(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      await page.locator('input[type="file"]').setInputFiles(pdf);
      await screenshot(page, 'reporting-03-submit-form');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/#\/reports\/\d+\/show/);
      const answered = page.getByTestId('report-obligations');
      await answered.getByText('Gemeente Utrecht').waitFor();
      await answered.getByText('Fonds Samen Sterk').waitFor();
      await eventually(() => answered.getByText('ingediend', { exact: true }).count(), (n) => n === 2);
      await page.getByTestId('report-files').getByText('jaarverslag.pdf').waitFor();
      await screenshot(page, 'reporting-04-report');
    });
  });

  describe('the funder, in Dutch', () => {
    const tab = freshPage(() => run);

    it('reviews only what it asked, and accepts it', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await page.goto(`${run.url}/#/obligations`);
      const row = page.locator('tbody tr').filter({ hasText: 'De Gedeelde Pan' }).filter({ hasText: 'Inhoudelijk verslag jaar 2' });
      await row.waitFor();
      // Fonds Samen Sterk's obligation, answered by the same report, is not Gemeente Utrecht's to see.
      expect(await page.getByText('Inhoudelijk verslag (eind)').count()).to.equal(0);
      await screenshot(page, 'reporting-05-review-list');
      await row.getByRole('button', { name: /^Goedkeuren/ }).click();
      await page.getByText('Goedgekeurd', { exact: true }).first().waitFor();
      await row.waitFor({ state: 'detached' });
    });
  });

  describe('the admin, in English', () => {
    const tab = freshPage(() => run);

    it('sees the reporting burden per funder type and the overdue obligations', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const burden = page.getByTestId('portfolio-burden');
      await burden.getByRole('heading', { name: `Reporting burden per funder type, ${year}` }).waitFor();
      await burden.getByRole('rowheader', { name: 'municipality' }).waitFor();
      await page.getByTestId('overdue-obligations').getByText('Tussentijdse resultatenrapportage').first().waitFor();
      await screenshot(page, 'reporting-06-admin-dashboard');
      await page.goto(`${run.url}/#/initiatives/${panId}/show`);
      await page.getByTestId('obligations-calendar').getByRole('heading', { name: 'Obligations: what is due when, for whom' }).waitFor();
      await page.getByTestId('impact').getByRole('heading', { name: 'Impact over the years' }).waitFor();
      await calendarRow(page, 'Gemeente Utrecht', 'Inhoudelijk verslag jaar 2').getByText('accepted').waitFor();
      await screenshot(page, 'reporting-07-initiative-english');
    });
  });

  describe('on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('shows the calendar and the impact without the page scrolling sideways', async () => {
      const page = tab();
      await login(page, run, USERS.initiative);
      await page.getByTestId('overdue-obligations').waitFor();
      await page.goto(`${run.url}/#/initiatives/${panId}/show`);
      await calendarRow(page, 'Tussentijdse resultatenrapportage').first().waitFor();
      await page.getByTestId('impact').getByTestId('indicator').first().waitFor();
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow).to.be.at.most(0);
      await screenshot(page, 'reporting-08-phone');
    });
  });
});
