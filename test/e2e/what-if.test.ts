// An initiative brings plan B to a funder meeting: on its page, today beside a scenario — a
// conditional commitment counted, a hypothetical fonds for five years — with the runway of
// both, coverage in two rows and the gaps that disappear; saved by name, then opened by the
// funder in English; and on a phone. Every page visited is checked with axe (screenshot()).
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { amsterdamToday } from '../analytics/shapes.js';
import { eventually, freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

// Its own initiative, made through the API in `before`, so what earlier browser tests do to the
// demo portfolio cannot change it: budgets of € 12.000 a year, Gemeente Utrecht's subsidy ending
// this year (so a shortfall from next year on), a conditional Armoede subsidy for next year, and
// an initiative user of its own.
const PLANNER = { email: 'wat-als@vangnet.example', password: 'wat-als-e2e-2026' } as const;

async function api(run: ConsoleRun, token: string, path: string, body: object): Promise<{ id: number }> {
  const res = await fetch(`${run.url}/api${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `POST ${path}: ${await res.clone().text()}`).to.equal(201);
  return (await res.json()) as { id: number };
}

describe('what-if: plan B beside today', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let initiativeId: number;
  const year = Number(amsterdamToday().slice(0, 4));

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    const login = await fetch(`${run.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USERS.admin) });
    const { token } = (await login.json()) as { token: string };
    const utrecht = (await run.db('funders').where({ name: 'Gemeente Utrecht' }).first<{ id: number }>('id')).id;
    initiativeId = (
      await api(run, token, '/initiatives', { name: 'Wat-als Buurtkeuken', foundedOn: `${year - 2}-01-01`, municipality: 'Utrecht', municipalityCode: 'GM0344', domains: ['food'] })
    ).id;
    for (const y of [year, year + 1, year + 2]) await api(run, token, '/budgets', { initiativeId, year: y, amountCents: 1_200_000 });
    const subsidy = { initiativeId, funderId: utrecht, kind: 'subsidy' };
    await api(run, token, '/commitments', { ...subsidy, title: 'Participatiesubsidie', status: 'committed', startDate: `${year - 1}-01-01`, endDate: `${year}-12-31`, amountCents: 2_400_000 });
    await api(run, token, '/commitments', { ...subsidy, title: 'Armoedesubsidie', status: 'conditional', startDate: `${year + 1}-01-01`, endDate: `${year + 1}-12-31`, amountCents: 300_000 });
    await api(run, token, '/users', { email: PLANNER.email, password: PLANNER.password, role: 'initiative', initiativeId });
  });


  const section = (page: Page) => page.getByTestId('whatif-section');
  const coverageRow = async (page: Page, key: 'base' | 'scenario') => (await section(page).getByTestId(`whatif-coverage-${key}`).innerText()).replace(/\s+/g, ' ');

  describe('as the initiative, in Dutch', () => {
    const tab = freshPage(() => run);

    it('counts the conditional Armoede subsidy and adds a fonds for five years, side by side with today', async () => {
      const page = tab();
      await login(page, run, PLANNER);
      await page.goto(`${run.url}/#/initiatives/${initiativeId}/show`);
      await section(page).getByTestId('whatif-chart').waitFor();
      // Without changes the scenario is today.
      expect(await coverageRow(page, 'scenario')).to.equal((await coverageRow(page, 'base')).replace('Vandaag', 'Scenario'));

      const conditional = section(page).getByTestId('whatif-pipeline').getByRole('checkbox').first();
      await conditional.check();
      await section(page).getByTestId('whatif-amount').fill('60.000');
      await section(page).getByTestId('whatif-start').fill(`${year + 1}-01-01`);
      await section(page).getByTestId('whatif-end').fill(`${year + 5}-12-31`);
      await section(page).getByTestId('whatif-add').click();
      await section(page).getByTestId('whatif-changes').getByText(`Een fonds: € 60.000,00 van 01-01-${year + 1} t/m 31-12-${year + 5}`).waitFor();
      // The scenario's coverage of next year is higher than today's.
      const percents = async (key: 'base' | 'scenario') =>
        (await section(page).getByTestId(`whatif-coverage-${key}`).locator('td').allInnerTexts()).map((t) => Number.parseInt(t, 10));
      await eventually(
        async () => [await percents('base'), await percents('scenario')] as const,
        ([base, scenario]) => base.length === 5 && scenario[1]! > base[1]! && scenario[2]! > base[2]!,
      );
      await section(page).getByTestId('whatif-gaps-disappear').getByTestId('whatif-gap').first().waitFor();
      await section(page).getByTestId('whatif-table-toggle').click();
      await section(page).getByTestId('whatif-table').waitFor();
      await screenshot(page, 'what-if-01-initiative');

      await section(page).getByTestId('whatif-name').fill('Plan B e2e: fonds vijf jaar');
      await section(page).getByTestId('whatif-save').click();
      await page.getByText('Scenario bewaard').waitFor();
      const saved = await run.db('scenarios').where({ initiative_id: initiativeId, name: 'Plan B e2e: fonds vijf jaar' }).first<{ changes: { include: number[]; add: { amountCents: number; funderType: string }[] } }>('changes');
      expect(saved.changes.include).to.have.length(1);
      expect(saved.changes.add).to.deep.include({ funderId: null, funderType: 'foundation', amountCents: 6_000_000, startDate: `${year + 1}-01-01`, endDate: `${year + 5}-12-31` });
    });
  });

  describe('as the funder, in English', () => {
    const tab = freshPage(() => run);

    it('opens the saved plan B of an initiative it funds, and may not save one', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.goto(`${run.url}/#/initiatives/${initiativeId}/show`);
      await section(page).getByTestId('whatif-chart').waitFor();
      await section(page).getByRole('combobox', { name: 'Open a saved scenario' }).click();
      await page.getByRole('option', { name: 'Plan B e2e: fonds vijf jaar' }).click();
      await section(page).getByTestId('whatif-changes').getByText(`A foundation: €60,000.00 from 01/01/${year + 1} to 31/12/${year + 5}`).waitFor();
      await section(page).getByTestId('whatif-scenario-runway').getByText(/^With the scenario:/).waitFor();
      expect(await section(page).getByTestId('whatif-save').count()).to.equal(0);
      await screenshot(page, 'what-if-02-funder-english');
    });
  });

  describe('on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('shows the section without scrolling the page sideways', async () => {
      const page = tab();
      await login(page, run, PLANNER);
      await page.goto(`${run.url}/#/initiatives/${initiativeId}/show`);
      await section(page).getByTestId('whatif-chart').waitFor();
      const box = await section(page).boundingBox();
      expect(box!.x + box!.width).to.be.at.most(390);
      await screenshot(page, 'what-if-03-phone');
    });
  });
});
