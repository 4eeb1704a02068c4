// A coalition admin's day in the console, in a real browser against the real server and the demo
// portfolio: the Dutch dashboard, an initiative's runway and coverage, a new commitment in euros,
// a portfolio scan, and English.
import { expect } from 'chai';
import { eventually, freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { fillDay } from './support/forms.js';

describe('the console for a coalition admin', function () {
  this.timeout(120_000);
  let run: ConsoleRun;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });

  const tab = freshPage(() => run);

  it('logs in and shows the Dutch dashboard with its figures and charts drawn from data', async () => {
    const page = tab();
    await login(page, run, USERS.admin);
    await page.getByText('Portefeuille van de coalitie').first().waitFor();
    for (const item of ['Initiatieven', 'Financiers', 'Toezeggingen', 'Financieringsgaten', 'Scans', 'Gebruikers', 'Auditlog']) {
      await page.getByRole('menuitem', { name: item }).waitFor();
    }

    const initiatives = page.getByTestId('key-figure-initiatives').getByTestId('key-figure-value');
    await eventually(async () => Number((await initiatives.innerText()).replace(/\D/g, '')), (n) => n > 0);
    const committedCard = page.getByTestId('key-figure-committed');
    await committedCard.getByText('Toegezegd komende 12 maanden').waitFor();
    const committed = committedCard.getByTestId('key-figure-value');
    const amount = await eventually(async () => (await committed.innerText()).trim(), (text) => /^€\s?[\d.]+$/.test(text));
    expect(Number(amount.replace(/\D/g, ''))).to.be.greaterThan(0);
    expect(await committedCard.innerText()).to.match(/Dekt \d+\s?% van de behoefte · met aanvragen €\s?[\d.]+/);

    const chart = page.getByTestId('funding-by-type-chart');
    await chart.locator('.recharts-bar-rectangle path').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle path').count()).to.be.greaterThan(4);
    await chart.locator('.recharts-legend-item-text', { hasText: 'gemeenten' }).waitFor();
    await page.getByTestId('effective-funders-chart').locator('.recharts-bar-rectangle path').first().waitFor();
    await page.getByTestId('riskiest').locator('tbody tr').first().waitFor();
    await screenshot(page, '01-admin-dashboard');
  });

  it('opens an initiative and shows its runway chart and coverage matrix', async () => {
    const page = tab();
    await page.getByRole('menuitem', { name: 'Initiatieven' }).click();
    await page.getByRole('cell', { name: 'De Gedeelde Pan' }).click();
    await page.getByRole('heading', { name: 'De Gedeelde Pan', exact: true }).waitFor();

    const runway = page.getByTestId('runway-chart');
    await runway.locator('.recharts-bar-rectangle path').first().waitFor();
    // pipeline, need, and the need estimated past the last budget (2029 on, dashed)
    expect(await runway.locator('.recharts-line-curve').count()).to.equal(3);
    expect(await runway.getByTestId('runway-committed').innerText()).to.match(/Met toegezegd geld: \d+ maanden?, (gedekt t\/m \d{2}-\d{2}-\d{4}|nu al niet gedekt|de hele horizon)/);

    const matrix = page.getByTestId('coverage-matrix');
    await matrix.getByText('Gemeente Utrecht').waitFor();
    const year = new Date().getFullYear();
    for (const y of [year, year + 4]) await matrix.getByRole('columnheader', { name: String(y) }).waitFor();
    expect(await matrix.getByTestId('coverage-funder-row').count()).to.be.greaterThan(0);
    await matrix.getByText('Dekking', { exact: true }).waitFor();
    await page.getByTestId('commitment-timeline').getByTestId('timeline-bar').first().waitFor();
    await screenshot(page, '02-initiative-runway-and-coverage');
  });

  it('creates a commitment of € 12.345,67 with yearly tranches, stored as 1234567 cents in two tranches', async () => {
    const page = tab();
    const title = `E2E-subsidie ${Date.now()}`;
    const nextYear = new Date().getFullYear() + 1;
    await page.goto(`${run.url}/#/commitments/create`);
    await page.getByLabel('Initiatief').fill('Gedeelde');
    await page.getByRole('option', { name: 'De Gedeelde Pan' }).click();
    await page.getByLabel('Financier').fill('Utrecht');
    await page.getByRole('option', { name: 'Gemeente Utrecht' }).click();
    await page.getByLabel('Titel').fill(title);
    await fillDay(page, 'Begindatum', `${nextYear}-01-01`);
    await fillDay(page, 'Einddatum', `${nextYear + 1}-12-31`);
    await page.getByLabel('Bedrag').fill('12.345,67');
    await page.getByLabel('Tranches aanmaken').click();
    await page.getByRole('option', { name: 'per jaar' }).click();
    await screenshot(page, '03-commitment-create');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await page.waitForURL(/#\/commitments\/\d+$/);
    const rows = page.getByTestId('tranche-row');
    await eventually(() => rows.count(), (n) => n === 2);
    expect(await page.getByTestId('euro-input-amountCents').first().inputValue()).to.equal('12.345,67');
    await page.getByTestId('commitment-amounts').getByText('€ 12.345,67').first().waitFor();
    await screenshot(page, '04-commitment-with-tranches');

    const commitment = await run.db('commitments').where({ title }).first<{ id: number; amount_cents: number }>();
    expect(commitment.amount_cents).to.equal(1234567);
    const tranches = await run.db('tranches').where({ commitment_id: commitment.id }).orderBy('period_start').select<{ amount_cents: number; period_start: string; period_end: string }[]>();
    expect(tranches.map((t) => t.amount_cents)).to.deep.equal([617284, 617283]);
    expect(tranches.map((t) => [t.period_start, t.period_end])).to.deep.equal([
      [`${nextYear}-01-01`, `${nextYear}-12-31`],
      [`${nextYear + 1}-01-01`, `${nextYear + 1}-12-31`],
    ]);
  });

  it('starts a scan, follows its progress and lists the gaps it found', async () => {
    const page = tab();
    await page.getByRole('menuitem', { name: 'Scans' }).click();
    await page.getByTestId('scan-now').click();
    const dialog = page.getByTestId('scan-dialog');
    await dialog.getByTestId('scan-progress').waitFor();
    await dialog.getByTestId('scan-done').waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId('scan-batches').innerText()).to.equal('Batches: 4 van 4');
    expect(await dialog.getByTestId('scan-initiatives').innerText()).to.equal('Initiatieven: 40 van 40');
    expect(await dialog.getByTestId('scan-done').innerText()).to.match(/Scan klaar: \d+ nieuwe en \d+ opgeloste gaten\./);
    // The first start scanned the demo for today, so this scan left out what nothing changed for since.
    expect(await dialog.getByTestId('scan-unchanged').innerText()).to.match(/^\d+ van de 40 initiatieven zijn niet veranderd sinds ze voor deze peildatum zijn doorgerekend/);
    await screenshot(page, '05-scan-progress');

    // A full scan evaluates every initiative again; the dialog follows it instead.
    await dialog.getByTestId('scan-full').click();
    await dialog.getByTestId('scan-full-note').waitFor();
    await dialog.getByTestId('scan-done').waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId('scan-unchanged').count()).to.equal(0);
    const [full] = await run.db('scans').orderBy('id', 'desc').limit(1).select<{ full: boolean; initiatives_unchanged: number; status: string }[]>('full', 'initiatives_unchanged', 'status');
    expect(full).to.deep.equal({ full: true, initiatives_unchanged: 0, status: 'completed' });
    await screenshot(page, '05b-full-scan');

    await dialog.getByTestId('scan-view-gaps').click();
    await page.waitForURL(/#\/gaps/);
    const firstGap = page.locator('tbody tr').first();
    await firstGap.getByRole('link').first().waitFor();
    expect(await page.locator('tbody tr').count()).to.be.greaterThan(0);
    await screenshot(page, '06-gaps-after-scan');

    const open = await run.db('gaps').whereNull('resolved_at').count<{ count: string }[]>({ count: '*' });
    expect(Number(open[0]?.count)).to.be.greaterThan(0);
  });

  it('switches to English and keeps it after a reload', async () => {
    const page = tab();
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: /Nederlands/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('The coalition’s portfolio').first().waitFor();
    for (const item of ['Initiatives', 'Funders', 'Commitments', 'Funding gaps', 'Users', 'Audit log']) {
      await page.getByRole('menuitem', { name: item }).waitFor();
    }
    await page.getByTestId('funding-by-type-chart').locator('.recharts-legend-item-text', { hasText: 'municipalities' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Initiatives' }).waitFor();
    await page.getByRole('menuitem', { name: 'Initiatives' }).click();
    await page.getByRole('columnheader', { name: 'Founded on' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    await screenshot(page, '07-english');
  });

  describe('the coalition admin on a phone, in English', () => {
    const phone = freshPage(() => run, PHONE);

    it('starts a scan, is told which initiatives it left out, and starts a full scan', async () => {
      const page = phone();
      await page.addInitScript("localStorage.setItem('RaStore.locale', JSON.stringify('en'))");
      await login(page, run, USERS.admin);
      await page.goto(`${run.url}/#/scans`);
      await page.getByTestId('scan-now').click();
      const dialog = page.getByTestId('scan-dialog');
      await dialog.getByTestId('scan-done').waitFor({ timeout: 60_000 });
      expect(await dialog.getByTestId('scan-unchanged').innerText()).to.match(/^\d+ of the 40 initiatives have not changed since they were evaluated for this date/);
      await screenshot(page, '05c-scan-phone-en');

      await dialog.getByTestId('scan-full').click();
      await dialog.getByTestId('scan-full-note').waitFor();
      await dialog.getByTestId('scan-done').waitFor({ timeout: 60_000 });
      expect(await dialog.getByTestId('scan-full-note').innerText()).to.equal('Full scan: every initiative evaluated again.');
      expect(await dialog.getByTestId('scan-unchanged').count()).to.equal(0);
      await screenshot(page, '05d-full-scan-phone-en');
    });
  });
});
