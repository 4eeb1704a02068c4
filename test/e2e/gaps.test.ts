// Gaps explain themselves (DESIGN.md "Explaining a gap"): the initiative reads why a gap is flagged
// and what to do, sees that next year's budget is missing, adds it and watches the gaps change
// without a reload; the coalition reads why an initiative is at risk around year five. Once in
// English, once on a phone.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { GapDetailsByKind } from '../../server/domain/gapDetails.js';
import { formatEuro, formatPercent } from '../../admin/src/format/money.js';
import { eventually, freshPage, login, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { ensureScanned, scansSettled } from './support/scans.js';

const INITIATIVE = 'De Gedeelde Pan';

interface GapRow<K extends keyof GapDetailsByKind> {
  id: number;
  kind: K;
  details: GapDetailsByKind[K];
  shortfall_cents: number;
}

/** The way the sentences show dates and amounts: "31-03-2027", "€ 12.000". */
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();
const wholeEuro = (cents: number, locale = 'nl') => plain(formatEuro(cents, locale, { whole: true }));

async function openGaps<K extends keyof GapDetailsByKind>(run: ConsoleRun, initiativeId: number, kind: K): Promise<GapRow<K>[]> {
  return run.db('gaps').where({ initiative_id: initiativeId, kind }).whereNull('resolved_at').orderBy('period_start').select('id', 'kind', 'details', 'shortfall_cents');
}

function sentenceOf(page: Page, gapId: number) {
  return page.locator(`[data-testid="gap-item"][data-gap-id="${gapId}"] [data-testid="gap-sentence"]`);
}

async function readSentence(page: Page, gapId: number): Promise<string> {
  return plain(await sentenceOf(page, gapId).innerText());
}

describe('gaps explain themselves', function () {
  this.timeout(180_000);
  let run: ConsoleRun;

  let initiativeId: number;
  let savedBudgets: { year: number; amount_cents: number; note: string | null }[] = [];

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    const initiative = await run.db('initiatives').where({ name: INITIATIVE }).first<{ id: number }>('id');
    initiativeId = initiative.id;
    await ensureScanned(run);
    await scansSettled(run);
  });

  after(async () => {
    if (!run || savedBudgets.length === 0) return;
    // Leave the demo initiative as the other browser tests expect it, and rescanned.
    const years = savedBudgets.map((b) => b.year);
    await run.db('budgets').where({ initiative_id: initiativeId }).whereIn('year', years).delete();
    await run.db('budgets').insert(savedBudgets.map((b) => ({ ...b, initiative_id: initiativeId })));
    await run.db('rescan_outbox').insert({ initiative_id: initiativeId });
  });

  describe('the initiative user', () => {
    const tab = freshPage(() => run);

    it('reads an expiring subsidy’s sentence with its numbers, and the follow-up it suggests', async () => {
      const page = tab();
      const [expiring] = await openGaps(run, initiativeId, 'expiring');
      expect(expiring, 'the demo flags the ending Fonds Samen Sterk grant').to.exist;
      const d = expiring!.details;
      const commitment = await run.db('commitments').where({ id: d.commitmentId }).first<{ title: string }>('title');
      const funder = await run.db('funders').where({ id: d.funderId }).first<{ name: string }>('name');

      await login(page, run, USERS.initiative);
      await sentenceOf(page, expiring!.id).waitFor();
      await screenshot(page, 'gaps-01-initiative-dashboard');
      const sentence = await readSentence(page, expiring!.id);
      expect(sentence).to.contain(`‘${commitment.title}’ van ${funder.name} (${wholeEuro(d.amountCents)})`);
      expect(sentence).to.contain(`loopt af op ${dutchDate(d.endDate)}, over ${d.monthsLeft} ${d.monthsLeft === 1 ? 'maand' : 'maanden'}`);
      const item = page.locator(`[data-testid="gap-item"][data-gap-id="${expiring!.id}"]`);
      expect(plain(await item.getByTestId('gap-period').innerText())).to.equal(`eindigt ${dutchDate(d.endDate)}`);
      expect(await item.getByTestId('gap-shortfall').count(), 'no "Tekort € 0,00" on a gap without shortfall').to.equal(0);

      const step = item.getByTestId('gap-next-step');
      expect(plain(await step.innerText())).to.equal(`Vervolg aanvragen bij ${funder.name}`);
      await step.click();
      await page.waitForURL(/#\/commitments\/create/);
      const title = page.locator('input[name="title"]');
      await title.waitFor();
      await screenshot(page, 'gaps-02-follow-up-prefilled');
      expect(await title.inputValue()).to.equal(`Vervolg: ${commitment.title}`);
      const dayAfter = new Date(`${d.endDate}T12:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      const iso = dayAfter.toISOString().slice(0, 10);
      expect(await page.locator('input[name="startDate"]').inputValue()).to.be.oneOf([iso, dutchDate(iso)]);
      await eventually(() => page.getByRole('combobox', { name: /^Financier/ }).inputValue(), (value) => value === funder.name);
      await page.getByText('aangevraagd').first().waitFor();
    });

    it('is warned that next year’s budget is missing, with the need carried forward and marked as estimated', async () => {
      const page = tab();
      const thisYear = new Date().getFullYear();
      savedBudgets = await run.db('budgets').where({ initiative_id: initiativeId }).where('year', '>', thisYear).select('year', 'amount_cents', 'note');
      await run.db('budgets').where({ initiative_id: initiativeId }).where('year', '>', thisYear).delete();
      await run.db('rescan_outbox').insert({ initiative_id: initiativeId });

      await page.goto(`${run.url}/#/`);
      const warning = page.getByTestId('missing-budget');
      await warning.waitFor();
      expect(plain(await warning.innerText())).to.contain(`Begroting ${thisYear + 1} ontbreekt — de behoefte van ${thisYear} is doorgetrokken.`);
      await page.getByTestId('runway-estimated-note').waitFor();
      await page.getByTestId('coverage-estimated').first().waitFor();
      await page.getByTestId('runway-table-toggle').click();
      const estimatedRows = page.locator('[data-testid="runway-table-row"][data-estimated="true"]');
      await estimatedRows.first().waitFor();
      expect(plain(await estimatedRows.first().innerText())).to.contain('geschat');
      expect(plain(await estimatedRows.first().innerText())).to.match(new RegExp(`januari ${thisYear + 1}`));
      await screenshot(page, 'gaps-03-missing-budget');
    });

    it('adds the budget where budgets are edited and sees the gaps change without a reload', async () => {
      const page = tab();
      const nextYear = new Date().getFullYear() + 1;
      await scansSettled(run);
      const before = (await openGaps(run, initiativeId, 'shortfall')).map((g) => g.shortfall_cents);

      await page.getByTestId('missing-budget').getByRole('link', { name: `Begroting ${nextYear} invullen` }).click();
      await page.waitForURL(/#\/initiatives\/\d+\/show/);
      const row = page.getByTestId('budget-new');
      await row.waitFor();
      expect(await row.locator('input[name="year"]').inputValue()).to.equal(String(nextYear));
      await screenshot(page, 'gaps-04-budget-row');
      await row.locator('input[name="amountCents"]').fill('250.000');
      await page.evaluate(() => Object.assign(globalThis, { stillThisPage: true }));
      await row.getByRole('button', { name: 'Toevoegen' }).click();

      // The rescan changes the shortfall; the panel follows by itself.
      const [shortfall] = await eventually(
        () => openGaps(run, initiativeId, 'shortfall'),
        (gaps) => gaps.length > 0 && JSON.stringify(gaps.map((g) => g.shortfall_cents)) !== JSON.stringify(before),
        20_000,
      );
      const d = shortfall!.details;
      const total = wholeEuro(d.totalCents);
      const sentence = await eventually(
        () => readSentence(page, shortfall!.id).catch(() => ''),
        (text) => text.includes(total),
        20_000,
      );
      expect(sentence).to.contain(`${total} minder toegezegd dan begroot`);
      if (d.months > 1) expect(sentence).to.contain(`(het meest in `).and.to.contain(`${wholeEuro(d.largestMonthCents)})`);
      if (d.fundedThrough) expect(sentence).to.contain(`tot en met ${dutchDate(d.fundedThrough)}`);
      expect(await page.evaluate(() => 'stillThisPage' in globalThis), 'no page load').to.equal(true);
      await page.getByTestId('missing-budget').waitFor({ state: 'detached' });
      await page.getByTestId('open-gaps').scrollIntoViewIfNeeded();
      await screenshot(page, 'gaps-05-after-budget');
    });
  });

  describe('the coalition admin, in English', () => {
    const tab = freshPage(() => run);

    it('opens an at-risk initiative from the dashboard and reads why, with its age and thresholds', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const riskiest = page.getByTestId('riskiest');
      await riskiest.locator('tbody tr').first().waitFor();
      const name = plain(await riskiest.locator('tbody tr').first().locator('td').first().innerText());
      await screenshot(page, 'gaps-06-admin-dashboard');
      await riskiest.locator('tbody tr').first().click();
      await page.waitForURL(/#\/initiatives\/\d+\/show/);
      const id = Number(/initiatives\/(\d+)\/show/.exec(page.url())?.[1]);
      const [risk] = await openGaps(run, id, 'five_year_risk');
      expect(risk, `${name} has a five-year risk`).to.exist;
      const d = risk!.details;

      await sentenceOf(page, risk!.id).waitFor();
      await page.locator(`[data-testid="gap-item"][data-gap-id="${risk!.id}"]`).scrollIntoViewIfNeeded();
      await screenshot(page, 'gaps-07-admin-risk-english');
      const sentence = await readSentence(page, risk!.id);
      expect(sentence).to.contain(`The initiative is ${d.ageYears} years old`);
      if (d.reasons.includes('low_coverage')) {
        expect(sentence).to.contain(`only ${plain(formatPercent(d.coverage, 'en'))} is committed (threshold ${plain(formatPercent(d.coverageThreshold, 'en'))})`);
      }
      if (d.reasons.includes('short_term_funding')) {
        expect(sentence).to.contain(`${plain(formatPercent(d.shortTermShare, 'en'))} of the committed money comes from short-term commitments`);
        expect(sentence).to.contain(`(threshold ${plain(formatPercent(d.shortTermThreshold, 'en'))})`);
      }
      const step = page.locator(`[data-testid="gap-item"][data-gap-id="${risk!.id}"]`).getByTestId('gap-next-step');
      expect(plain(await step.innerText())).to.equal('See coverage and co-financing');
      await step.click();
      await page.getByTestId('coverage-section').waitFor();
    });

    it('reads the same sentences in the list of all gaps, with the shortfall only on shortfalls', async () => {
      const page = tab();
      await page.getByRole('menuitem', { name: 'Funding gaps' }).click();
      await page.waitForURL(/#\/gaps/);
      const rows = page.locator('tbody tr');
      await rows.first().getByTestId('gap-sentence').waitFor();
      await screenshot(page, 'gaps-08-gap-list-english');
      const [expiring] = await run.db('gaps').where({ kind: 'expiring' }).whereNull('resolved_at').orderBy('period_start').limit(1).select('id');
      expect(expiring).to.exist;
      const texts = await rows.locator('[data-testid="gap-sentence"]').allInnerTexts();
      expect(texts.every((text) => text.trim().length > 20)).to.equal(true);
      expect(texts.some((text) => text.includes('ends on'))).to.equal(true);
    });
  });

  describe('on a phone', () => {
    const tab = freshPage(() => run);

    it('the initiative reads its gaps, each with a next step that fits the screen', async () => {
      const page = tab();
      // The menu folds away on a phone; log in at laptop size, then hold the phone.
      await login(page, run, USERS.initiative);
      await page.setViewportSize({ width: 390, height: 844 });
      const items = page.getByTestId('gap-item');
      await items.first().getByTestId('gap-sentence').waitFor();
      const count = await items.count();
      expect(count).to.be.greaterThan(0);
      for (let i = 0; i < count; i += 1) {
        const step = items.nth(i).getByTestId('gap-next-step');
        const box = await step.boundingBox();
        expect(box, 'each gap has a next step').to.not.equal(null);
        expect(box!.x + box!.width, 'the step fits the screen').to.be.at.most(390);
      }
      await page.getByTestId('open-gaps').scrollIntoViewIfNeeded();
      await screenshot(page, 'gaps-09-phone');
    });
  });
});
