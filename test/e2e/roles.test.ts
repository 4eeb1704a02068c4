// What an initiative and a funder see: only their own records, their own dashboard, no admin menus.
import { expect } from 'chai';
import { freshPage, login, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

const ADMIN_MENUS = ['Gebruikers', 'Auditlog', 'Scans'];

describe('the console for the other roles', function () {
  this.timeout(120_000);
  let run: ConsoleRun;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  describe('an initiative user', () => {
    const tab = freshPage(() => run);

    it('sees its own runway on the dashboard and no admin menus', async () => {
      const page = tab();
      await login(page, run, USERS.initiative);
      await page.getByText('Financiering van De Gedeelde Pan').first().waitFor();
      await page.getByTestId('runway-chart').locator('.recharts-bar-rectangle path').first().waitFor();
      await page.getByTestId('coverage-matrix').waitFor();
      await page.getByTestId('next-endings').waitFor();
      for (const item of ['Initiatieven', 'Toezeggingen', 'Financieringsgaten']) await page.getByRole('menuitem', { name: item }).waitFor();
      const menu = await page.getByRole('menuitem').allInnerTexts();
      for (const item of ADMIN_MENUS) expect(menu.map((m) => m.trim())).not.to.include(item);
      await screenshot(page, '08-initiative-dashboard');
    });

    it('sees only its own initiative', async () => {
      const page = tab();
      await page.getByRole('menuitem', { name: 'Initiatieven' }).click();
      await page.getByRole('cell', { name: 'De Gedeelde Pan' }).waitFor();
      expect(await page.locator('tbody tr').count()).to.equal(1);
      await page.getByText('1-1 van 1').waitFor();
      await screenshot(page, '09-initiative-list');
    });
  });

  describe('a funder user', () => {
    const tab = freshPage(() => run, { width: 1024, height: 768 });

    it('sees the co-funding of its initiatives on a tablet-sized screen, and no admin menus', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      const table = page.getByTestId('cofunding-table');
      await table.getByTestId('cofunding-row').first().waitFor();
      await table.getByRole('link', { name: 'De Gedeelde Pan' }).waitFor();
      const menu = await page.getByRole('menuitem').allInnerTexts();
      for (const item of ADMIN_MENUS) expect(menu.map((m) => m.trim())).not.to.include(item);
      await screenshot(page, '10-funder-dashboard');
    });
  });
});
