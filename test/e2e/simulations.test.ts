// A coalition admin asks what three-year gemeente subsidies would do: the simulation runs as a job
// over the demo portfolio and answers, current beside simulated, in a headline, a chart with its
// table and per municipality; in Dutch and in English on a phone. Every page is checked with axe.
import { expect } from 'chai';
import { freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

describe('the policy simulator in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let simulationUrl = '';

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });


  describe('an admin, in Dutch', () => {
    const tab = freshPage(() => run);

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
    const tab = freshPage(() => run, PHONE);

    it('reads the same result in English', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.goto(simulationUrl);
      await page.getByTestId('simulation-headline').getByText(/fewer at five-year risk/).waitFor();
      await screenshot(page, 'simulations-04-phone-english');
    });
  });
});
