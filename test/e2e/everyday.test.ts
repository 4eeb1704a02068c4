// Every role's everyday loop through the console's own forms, in a real browser against the real
// server and the demo portfolio: an initiative plans its budget and applies for a grant, a funder
// records a commitment (on a laptop in English, on a phone in Dutch), an admin opens the queue
// dashboard. What the forms saved is checked in the database and through the API, to the cent.
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { asUser, E2E_REDIS_URL, eventually, LAPTOP, login, newPage, openMenuItem, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { fillDay, pickOption, selectOption, shownDay } from './support/forms.js';

interface RunwayMonth {
  month: string;
  fundingCents: number;
}

/** A GET of the API as the given user, as a client other than the console would do it. */
async function apiAs<T>(run: ConsoleRun, user: { email: string; password: string }, path: string): Promise<T> {
  const login = await fetch(`${run.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${run.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).to.equal(200);
  return (await res.json()) as T;
}

async function idOf(run: ConsoleRun, table: 'initiatives' | 'funders', name: string): Promise<number> {
  const row = await run.db(table).where({ name }).first<{ id: number }>('id');
  return row.id;
}

interface CommitmentRow {
  id: number;
  initiative_id: number;
  funder_id: number;
  kind: string;
  status: string;
  amount_cents: number;
  start_date: string;
  end_date: string;
}

/** The commitment a form saved, once the database has it. */
function savedCommitment(run: ConsoleRun, title: string): Promise<CommitmentRow> {
  return eventually(
    () => run.db('commitments').where({ title }).first<CommitmentRow | undefined>(),
    (row) => row !== undefined,
  ) as Promise<CommitmentRow>;
}

describe('every role’s everyday loop in the console', function () {
  this.timeout(180_000);
  let run: ConsoleRun;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  describe('an initiative user on a laptop', () => {
    let context: BrowserContext;
    let page: Page;
    let initiativeId: number;

    before(async () => {
      ({ context, page } = await newPage(run, LAPTOP));
      initiativeId = await idOf(run, 'initiatives', 'De Gedeelde Pan');
      await login(page, run, USERS.initiative);
    });
    after(async () => {
      await context?.close();
    });

    it('revises next year’s budget and adds the first year without one, stored to the cent', async () => {
      const nextYear = new Date().getFullYear() + 1;
      await openMenuItem(page, 'Initiatieven');
      await page.getByRole('cell', { name: 'De Gedeelde Pan' }).click();
      const rows = page.getByTestId('budget-row');
      const nextYearRow = rows.filter({ has: page.locator(`input[name="year"][value="${nextYear}"]`) });
      await nextYearRow.getByTestId('euro-input-amountCents').fill('103.456,78');
      await nextYearRow.getByRole('button', { name: 'Opslaan' }).click();
      await eventually(
        async () => (await run.db('budgets').where({ initiative_id: initiativeId, year: nextYear }).first<{ amount_cents: number }>()).amount_cents,
        (cents) => cents === 10345678,
      );

      const years = (await run.db('budgets').where({ initiative_id: initiativeId }).pluck<number[]>('year')).map(Number);
      const firstWithout = Math.max(...years) + 1;
      const add = page.getByTestId('budget-new');
      expect(await add.locator('input[name="year"]').inputValue()).to.equal(String(firstWithout));
      await add.getByTestId('euro-input-amountCents').fill('110.000,01');
      await screenshot(page, 'everyday-01-initiative-budgets');
      await add.getByRole('button', { name: 'Toevoegen' }).click();
      await eventually(() => rows.count(), (n) => n === years.length + 1);
      const added = await run.db('budgets').where({ initiative_id: initiativeId, year: firstWithout }).first<{ amount_cents: number }>();
      expect(added.amount_cents).to.equal(11000001);
      await screenshot(page, 'everyday-02-initiative-budget-added');
    });

    it('applies for a fund grant with quarterly tranches through the commitment form; the pipeline runway counts it, the committed one not', async () => {
      const year = new Date().getFullYear() + 1;
      const title = `Aanvraag keukenproject ${Date.now()}`;
      const runway = (scenario: 'committed' | 'pipeline') => apiAs<{ months: RunwayMonth[] }>(run, USERS.initiative, `/initiatives/${initiativeId}/runway?scenario=${scenario}`);
      const pipelineBefore = await runway('pipeline');
      const committedBefore = await runway('committed');

      await openMenuItem(page, 'Toezeggingen');
      await page.getByRole('link', { name: 'Toevoegen' }).click();
      await page.waitForURL(/#\/commitments\/create$/);
      expect(await page.getByLabel('Initiatief').inputValue()).to.equal('De Gedeelde Pan');
      await pickOption(page, page.getByLabel('Financier'), 'Gedeelde Bord', 'Stichting Het Gedeelde Bord');
      await page.getByLabel('Titel').fill(title);
      await selectOption(page, page.getByLabel('Soort'), 'fondsbijdrage');
      await selectOption(page, page.getByLabel('Status'), 'aangevraagd');
      await fillDay(page, 'Begindatum', `${year}-01-01`);
      await fillDay(page, 'Einddatum', `${year}-12-31`);
      await page.getByLabel('Bedrag').fill('12.345,67');
      await selectOption(page, page.getByLabel('Tranches aanmaken'), 'per kwartaal');
      await screenshot(page, 'everyday-03-initiative-grant-form');
      await page.getByRole('button', { name: 'Opslaan' }).click();

      await page.waitForURL(/#\/commitments\/\d+$/);
      await eventually(() => page.getByTestId('tranche-row').count(), (n) => n === 4);
      await screenshot(page, 'everyday-04-initiative-grant-saved');

      const commitment = await savedCommitment(run, title);
      expect(commitment).to.include({ initiative_id: initiativeId, kind: 'grant', status: 'requested', amount_cents: 1234567, start_date: `${year}-01-01`, end_date: `${year}-12-31` });
      const tranches = await run.db('tranches').where({ commitment_id: commitment.id }).orderBy('period_start').select<{ amount_cents: number; period_start: string; period_end: string; status: string }[]>();
      expect(tranches.map((t) => [t.period_start, t.period_end, t.amount_cents])).to.deep.equal([
        [`${year}-01-01`, `${year}-03-31`, 308642],
        [`${year}-04-01`, `${year}-06-30`, 308642],
        [`${year}-07-01`, `${year}-09-30`, 308642],
        [`${year}-10-01`, `${year}-12-31`, 308641],
      ]);
      expect(tranches.every((t) => t.status === 'planned')).to.equal(true);

      const pipelineAfter = await runway('pipeline');
      const added = pipelineAfter.months.map((m, i) => m.fundingCents - pipelineBefore.months[i]!.fundingCents);
      const inYear = pipelineAfter.months.map((m) => m.month.startsWith(String(year)));
      expect(added.filter((_, i) => inYear[i]).every((cents) => cents > 0), 'every month of the grant has more pipeline funding').to.equal(true);
      expect(added.filter((_, i) => !inYear[i]).every((cents) => cents === 0), 'no other month changed').to.equal(true);
      // Each month is rounded to whole cents on its own: the twelve together are within 6 cents of the grant.
      expect(added.reduce((a, b) => a + b, 0)).to.be.closeTo(1234567, 6);
      expect((await runway('committed')).months).to.deep.equal(committedBefore.months);
    });
  });

  describe('a funder user', () => {
    let funderId: number;
    let initiativeId: number;

    before(async () => {
      funderId = await idOf(run, 'funders', 'Gemeente Utrecht');
      initiativeId = await idOf(run, 'initiatives', 'De Gedeelde Pan');
    });

    it('records a commitment for an initiative it funds, in English on a laptop, and schedules a tranche for it', async () => {
      await asUser(run, USERS.funder, LAPTOP, async (page) => {
        const year = new Date().getFullYear() + 1;
        const title = `Wmo follow-up ${Date.now()}`;
        await page.getByRole('button', { name: /Nederlands/i }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await openMenuItem(page, 'Commitments');
        await page.getByRole('link', { name: 'Create' }).click();
        await page.waitForURL(/#\/commitments\/create$/);
        expect(await page.getByLabel('Funder').inputValue()).to.equal('Gemeente Utrecht');
        await pickOption(page, page.getByLabel('Initiative'), 'Gedeelde', 'De Gedeelde Pan');
        await page.getByLabel('Title').fill(title);
        await fillDay(page, 'Start date', `${year}-01-01`);
        await fillDay(page, 'End date', `${year}-06-30`);
        expect(await shownDay(page, 'Start date')).to.equal(`01/01/${year}`);
        await page.getByLabel('Amount').fill('20,000.50');
        await screenshot(page, 'everyday-05-funder-commitment-form-en');
        await page.getByRole('button', { name: 'Save' }).click();

        await page.waitForURL(/#\/commitments\/\d+$/);
        const commitment = await savedCommitment(run, title);
        expect(commitment).to.include({ funder_id: funderId, initiative_id: initiativeId, amount_cents: 2000050, status: 'committed' });

        // The "add" row proposes the whole period and the unscheduled amount.
        const add = page.getByTestId('tranche-new');
        await add.getByRole('button', { name: 'Add' }).click();
        await eventually(() => page.getByTestId('tranche-row').count(), (n) => n === 1);
        const tranches = await run.db('tranches').where({ commitment_id: commitment.id }).select<{ amount_cents: number; period_start: string; period_end: string }[]>();
        expect(tranches.map((t) => [t.period_start, t.period_end, t.amount_cents])).to.deep.equal([[`${year}-01-01`, `${year}-06-30`, 2000050]]);
        await screenshot(page, 'everyday-06-funder-commitment-saved-en');
      });
    });

    it('records a commitment on a phone', async () => {
      await asUser(run, USERS.funder, PHONE, async (page) => {
        const year = new Date().getFullYear() + 1;
        const title = `Wmo telefoon ${Date.now()}`;
        await openMenuItem(page, 'Toezeggingen');
        await page.getByRole('link', { name: 'Toevoegen' }).click();
        await page.waitForURL(/#\/commitments\/create$/);
        await pickOption(page, page.getByLabel('Initiatief'), 'Gedeelde', 'De Gedeelde Pan');
        await page.getByLabel('Titel').fill(title);
        await fillDay(page, 'Begindatum', `${year}-07-01`);
        await fillDay(page, 'Einddatum', `${year}-12-31`);
        expect(await shownDay(page, 'Begindatum')).to.equal(`01-07-${year}`);
        await page.getByLabel('Bedrag').fill('7.500');
        await screenshot(page, 'everyday-07-funder-commitment-form-phone');
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.waitForURL(/#\/commitments\/\d+$/);
        const commitment = await savedCommitment(run, title);
        expect(commitment).to.include({ funder_id: funderId, amount_cents: 750000, start_date: `${year}-07-01` });
        await screenshot(page, 'everyday-08-funder-commitment-saved-phone');
      });
    });
  });

  describe('an admin', () => {
    it('sees a risk card whose title counts the initiatives it lists', async () => {
      await asUser(run, USERS.admin, LAPTOP, async (page) => {
        const card = page.getByTestId('riskiest');
        const titleFor = (n: number) => (n === 1 ? 'Het initiatief met het hoogste vijfjaarsrisico' : `De ${n} initiatieven met het hoogste vijfjaarsrisico`);
        // Title and rows are read together: a rescan in the background may change the list meanwhile.
        const [rows, title] = await eventually(
          async () => [await card.locator('tbody tr').count(), await card.getByRole('heading').innerText()] as const,
          ([n, text]) => n > 0 && text === titleFor(n),
          30_000,
        );
        expect(rows).to.be.within(1, 10);
        expect(title).to.equal(titleFor(rows));
        await screenshot(page, 'everyday-10-admin-dashboard');
      });
    });

    it('reads the funder’s new commitment in the audit log in words: its title, labels and names', async () => {
      await asUser(run, USERS.admin, LAPTOP, async (page) => {
        await openMenuItem(page, 'Auditlog');
        const latest = await run.db('audit_events').where({ resource: 'commitments', action: 'create' }).orderBy('id', 'desc').first<{ after: { title: string } }>();
        const row = page.locator('tbody tr', { hasText: latest.after.title }).first();
        await row.getByText(latest.after.title).waitFor();
        await row.click();
        const changes = page.getByTestId('audit-change');
        const after = async (field: string) => (await changes.filter({ hasText: field }).first().locator('td').nth(2).innerText()).trim();
        // Both names come from their own reference lookups, which may answer in either order.
        expect(await eventually(() => after('Financier'), (text) => text !== '')).to.equal('Gemeente Utrecht');
        expect(await eventually(() => after('Initiatief'), (text) => text !== '')).to.equal('De Gedeelde Pan');
        expect(await after('Soort')).to.equal('subsidie');
        expect(await after('Status')).to.equal('toegezegd');
        expect(await after('Verlengbaar')).to.equal('Nee');
        await screenshot(page, 'everyday-11-admin-audit-log');
      });
    });

    // bull-board reads Redis only: on PostgreSQL queues the console leaves the entry out.
    if (!E2E_REDIS_URL) {
      it('has no queue dashboard in the menu: the queues run on PostgreSQL (set E2E_REDIS_URL to test bull-board)', async () => {
        await asUser(run, USERS.admin, LAPTOP, async (page) => {
          await page.getByRole('menuitem', { name: /Scans/ }).first().waitFor();
          expect(await page.getByRole('menuitem', { name: 'Wachtrijen' }).count()).to.equal(0);
        });
      });
    }
    const sizes = [
      ['laptop', LAPTOP],
      ['phone', PHONE],
    ] as const;
    for (const [size, viewport] of E2E_REDIS_URL ? sizes : []) {
      it(`opens the queue dashboard from the menu on a ${size}`, async () => {
        await asUser(run, USERS.admin, viewport, async (page, context) => {
          const opened = context.waitForEvent('page');
          await openMenuItem(page, 'Wachtrijen');
          const dashboard = await opened;
          await dashboard.waitForLoadState();
          expect(new URL(dashboard.url()).pathname).to.match(/^\/admin\/queues/);
          const status = await dashboard.evaluate<number>('performance.getEntriesByType("navigation")[0].responseStatus');
          expect(status, 'not a 401').to.equal(200);
          await dashboard.getByText('rescan').first().waitFor();
          await dashboard.getByText('scan', { exact: true }).first().waitFor();
          await screenshot(dashboard, `everyday-09-admin-queue-dashboard-${size}`);
        });
      });
    }
  });
});
