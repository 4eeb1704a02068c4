// A coalition admin asks what three-year gemeente subsidies would do: the simulation runs as a job
// over the demo portfolio and answers, current beside simulated, in a headline, a chart with its
// table and per municipality; in Dutch and in English on a phone. Every page is checked with axe.
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { login, newPage, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

describe('the policy simulator in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let simulationUrl = '';

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  function freshPage(viewport?: { width: number; height: number }): () => Page {
    let context: BrowserContext | undefined;
    let current: Page | undefined;
    before(async () => {
      ({ context, page: current } = await newPage(run, viewport));
    });
    after(async () => {
      await context?.close();
    });
    return () => current!;
  }

  describe('an admin, in Dutch', () => {
    const tab = freshPage();

    it('simulates three-year gemeente subsidies and reads how many initiatives fewer are at risk', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.goto(`${run.url}/#/simulations/create`);
      await screenshot(page, 'simulations-01-create');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/#\/simulations\/\d+\/show/);
      simulationUrl = page.url();
      const headline = page.getByTestId('simulation-headline');
      await headline.waitFor({ timeout: 60_000 });
      expect(await headline.innerText()).to.match(/^\d+ initiatie(f|ven) minder met een vijfjaarsrisico \(\d+ → \d+\)$/);
      await page.getByTestId('simulation-chart').waitFor();
      expect(await page.getByTestId('simulation-municipality-table').getByTestId('simulation-row').count()).to.be.greaterThan(1);
      await screenshot(page, 'simulations-02-result');
      await page.goto(`${run.url}/#/simulations`);
      await page.getByRole('cell', { name: 'kortlopende toezeggingen verlengen' }).first().waitFor();
      await screenshot(page, 'simulations-03-list');
    });
  });

  describe('an admin, in English on a phone', () => {
    const tab = freshPage({ width: 390, height: 844 });

    it('reads the same result in English', async () => {
      const page = tab();
      await page.goto(`${run.url}/#/login`);
      await page.locator('input[name="email"]').fill(USERS.admin.email);
      await page.locator('input[name="password"]').fill(USERS.admin.password);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('button', { name: /^(Menu openen|Open menu)$/ }).waitFor();
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.goto(simulationUrl);
      await page.getByTestId('simulation-headline').getByText(/fewer at five-year risk/).waitFor();
      await screenshot(page, 'simulations-04-phone-english');
    });
  });
});
