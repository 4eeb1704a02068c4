// The API's refusals in the console: the field reasons arrive as codes with parameters and show in
// Dutch under the input they concern, with amounts in euros — never the API's English sentences.
import { expect } from 'chai';
import { freshPage, login, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

describe('refusals in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  const tab = freshPage(() => run);
  before(() => login(tab(), run, USERS.admin));

  it('shows a second budget for a year as a Dutch reason under the year', async () => {
    const page = tab();
    const initiative = await run.db('initiatives').where({ name: 'De Gedeelde Pan' }).first<{ id: number }>('id');
    const budget = await run.db('budgets').where({ initiative_id: initiative.id }).orderBy('year').first<{ year: number }>('year');
    await page.goto(`${run.url}/#/initiatives/${initiative.id}/show`);
    const row = page.getByTestId('budget-new');
    await row.waitFor();
    await row.locator('input[name="year"]').fill(String(budget.year));
    await row.locator('input[name="amountCents"]').fill('1.000');
    await row.getByRole('button', { name: 'Toevoegen' }).click();
    await row.getByText(`Dit initiatief heeft voor ${budget.year} al een begroting`).waitFor();
    expect(await row.innerText()).not.to.contain('already has a budget');
    await screenshot(page, 'errors-01-budget-twice');
  });

  it("shows a tranche over its commitment's amount with the amounts in euros", async () => {
    const page = tab();
    // A commitment whose tranches all count towards its amount (a cancelled one would not).
    const commitment = await run
      .db('commitments')
      .whereExists(run.db('tranches').whereRaw('tranches.commitment_id = commitments.id'))
      .whereNotExists(run.db('tranches').whereRaw('tranches.commitment_id = commitments.id').where({ status: 'cancelled' }))
      .orderBy('id')
      .first<{ id: number; amount_cents: number }>('id', 'amount_cents');
    await page.goto(`${run.url}/#/commitments/${commitment.id}`);
    const row = page.getByTestId('tranche-row').first();
    await row.waitFor();
    await row.locator('input[name="amountCents"]').fill(String(Math.ceil(commitment.amount_cents / 100) + 1));
    await row.getByRole('button', { name: 'Opslaan' }).click();
    const reason = row.getByText(/^Hoogstens €\s?[\d.]+,\d\d: de andere tranches plannen al €\s?[\d.]+,\d\d van €\s?[\d.]+,\d\d$/);
    await reason.waitFor();
    await screenshot(page, 'errors-02-tranche-over-amount');
  });
});
