// The import page: an admin uploads a workbook and applies it; a funder on a phone uploads a CSV
// with a row it may not import, sees the error highlighted and applies the good rows.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { freshPage, login, openMenuItem, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

async function workbook(amount = '10.000'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const initiatives = wb.addWorksheet('Initiatieven');
  initiatives.addRow(['Naam', 'KvK-nummer', 'Opgericht op', 'Gemeente', 'Domeinen', 'Reserves']);
  initiatives.addRow(['Buurtkeuken Import', '87654321', new Date(Date.UTC(2022, 4, 1)), 'Amersfoort', 'voedsel', '1.500,00']);
  const commitments = wb.addWorksheet('Toezeggingen');
  commitments.addRow(['Initiatief', 'Financier', 'Titel', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag']);
  commitments.addRow(['87654321', 'Gemeente Utrecht', 'Startsubsidie', 'subsidie', 'toegezegd', '01-01-2027', '31-12-2027', amount]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openImports(page: Page): Promise<void> {
  await openMenuItem(page, 'Importeren');
  await page.getByRole('heading', { level: 1, name: /Importeren uit Excel/ }).waitFor();
}

describe('the import page', function () {
  this.timeout(120_000);
  let run: ConsoleRun;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  describe('an admin', () => {
    const tab = freshPage(() => run);

    it('uploads a workbook, reads the preview and applies it', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await openImports(page);
      await page.getByTestId('import-template').waitFor();
      await page.getByTestId('import-file').setInputFiles({ name: 'portefeuille.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() });
      await page.getByTestId('import-table-initiatives').waitFor();
      await page.getByTestId('import-counts').getByText('2 nieuw').waitFor();
      await screenshot(page, '40-import-preview');
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-applied').waitFor();
      await page.getByRole('link', { name: 'Buurtkeuken Import (KvK 87654321)' }).waitFor();
      await screenshot(page, '41-import-applied');
      await page.getByRole('link', { name: 'Buurtkeuken Import (KvK 87654321)' }).click();
      await page.getByText('Buurtkeuken Import').first().waitFor();
    });

    it('shows what a corrected file changes, in euros', async () => {
      const page = tab();
      await openImports(page);
      await page.getByTestId('import-file').setInputFiles({ name: 'correctie.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook('12.000') });
      await page.getByTestId('import-table-commitments').getByText('Bedrag: € 10.000,00 → € 12.000,00').waitFor();
      await page.getByTestId('import-counts').getByText('1 bijwerken').waitFor();
      // The first file is among the earlier imports, and opens again as it was applied.
      await page.getByRole('button', { name: 'portefeuille.xlsx' }).waitFor();
      await screenshot(page, '43-import-correction');
      await page.getByRole('button', { name: 'portefeuille.xlsx' }).click();
      await page.getByTestId('import-applied').waitFor();
    });
  });

  describe('a funder on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('sees a row it may not import as an error, and applies the good rows', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await openImports(page);
      await page.getByText('U mag importeren: Toezeggingen, Tranches, Verplichtingen.').waitFor();
      const csv = [
        'Initiatief;Titel;Soort;Status;Begindatum;Einddatum;Bedrag',
        'De Gedeelde Pan;Buurtbudget 2031;subsidie;aangevraagd;01-01-2031;31-12-2031;"2.500,00"',
        'Bestaat Niet;Buurtbudget 2031;subsidie;aangevraagd;01-01-2031;31-12-2031;"2.500,00"',
      ].join('\r\n');
      await page.getByTestId('import-file').setInputFiles({ name: 'toezeggingen.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
      const table = page.getByTestId('import-table-commitments');
      await table.waitFor();
      await table.locator('tr[data-action="error"]').getByText(/Initiatief: Bestaat Niet niet gevonden/).waitFor();
      expect(await page.getByTestId('import-apply').isDisabled()).to.equal(true);
      await screenshot(page, '42-import-funder-phone');
      await page.getByLabel('Rijen met fouten overslaan').check();
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-applied').waitFor();
      const stored = await run.db('commitments').where({ title: 'Buurtbudget 2031' });
      expect(stored).to.have.length(1);
    });
  });
});
