// Several funders close one initiative's gap together: De Gedeelde Pan opens a co-financing round
// from one of its gaps and proposes a pledge of Gemeente Utrecht; the gemeente finds the round on
// its dashboard (in English), pledges and confirms, which creates its commitment; an admin follows
// the round on a phone; the gemeente also opens the demo portfolio's own round (Tuinmaatjes
// Utrecht, seeds/demo/planning.ts). Every page visited is checked with axe (screenshot()).
import { expect } from 'chai';
import { amsterdamToday } from '../analytics/shapes.js';
import { eventually, freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';
import { scansSettled } from './support/scans.js';

describe('co-financing rounds in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let initiativeId: number;
  let roundId: number;
  const title = 'Ronde e2e: thuiskoks';

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    initiativeId = (await run.db('initiatives').where({ name: 'De Gedeelde Pan' }).first<{ id: number }>('id')).id;
    await run.db('cofinancing_rounds').where({ initiative_id: initiativeId }).where('title', 'like', 'Ronde e2e%').delete();
  });

  // Leave De Gedeelde Pan as the other browser tests expect it (the what-if test counts on its
  // gap): without the round, the commitment its confirmation made, and rescanned.
  after(async () => {
    if (!run || !roundId) return;
    const made = await run.db('pledges').where({ round_id: roundId }).whereNotNull('commitment_id').pluck<number[]>('commitment_id');
    await run.db('pledges').where({ round_id: roundId }).delete();
    await run.db('cofinancing_rounds').where({ id: roundId }).delete();
    await run.db('tranches').whereIn('commitment_id', made).delete();
    await run.db('commitments').whereIn('id', made).delete();
    await run.db('rescan_outbox').insert({ initiative_id: initiativeId });
    await eventually(
      async () => Number((await run.db('rescan_outbox').where({ initiative_id: initiativeId }).count<{ n: string }[]>({ n: '*' }))[0]!.n),
      (n) => n === 0,
      60_000,
    );
    await scansSettled(run);
  });


  describe('the initiative, in Dutch', () => {
    const tab = freshPage(() => run);

    it('opens a round from a gap and proposes a pledge of the gemeente', async () => {
      const page = tab();
      await login(page, run, USERS.initiative);
      await page.goto(`${run.url}/#/initiatives/${initiativeId}/show`);
      const open = page.getByTestId('open-gaps').getByRole('link', { name: 'Open een cofinancieringsronde' }).first();
      await open.click();
      await page.waitForURL(/#\/cofinancing-rounds\/create/);
      const titleInput = page.getByLabel('Titel');
      expect(await titleInput.inputValue()).to.not.equal('');
      await titleInput.fill(title);
      await screenshot(page, 'rounds-01-create');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/#\/cofinancing-rounds\/\d+\/show/);
      roundId = Number(/cofinancing-rounds\/(\d+)\/show/.exec(page.url())![1]);
      const round = await run.db('cofinancing_rounds').where({ id: roundId }).first<{ gap_id: number | null; target_cents: number }>();
      expect(round.gap_id).to.not.equal(null);
      await page.getByTestId('round-progress-text').getByText(/^€\s0,00 bevestigd, €\s0,00 toegezegd van het doel €\s[\d.]+,\d\d; nog nodig: €\s[\d.]+,\d\d\.$/).waitFor();

      const form = page.getByTestId('pledge-form');
      await form.getByRole('combobox', { name: 'Financier' }).click();
      await page.getByRole('option', { name: 'Gemeente Utrecht', exact: true }).click();
      await form.getByTestId('pledge-amount').fill('10.000');
      await form.getByTestId('pledge-submit').click();
      const row = page.getByTestId('round-pledge').filter({ hasText: 'Gemeente Utrecht' });
      await row.getByText('voorgesteld').waitFor();
      await page.getByTestId('round-runway').getByTestId('whatif-chart').waitFor();
      await screenshot(page, 'rounds-02-proposed');
    });
  });

  describe('the gemeente, in English', () => {
    const tab = freshPage(() => run);

    it('finds the round on its dashboard, pledges and confirms, which creates its commitment', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const card = page.getByTestId('open-rounds');
      await card.getByRole('link', { name: title }).click();
      await page.waitForURL(new RegExp(`#/cofinancing-rounds/${roundId}/show`));
      const row = page.getByTestId('round-pledge').filter({ hasText: 'Gemeente Utrecht' });
      await row.getByTestId('pledge-pledge').click();
      await row.getByText('pledged', { exact: true }).waitFor();
      await page.getByTestId('round-progress-text').getByText(/^€0\.00 confirmed, €10,000\.00 pledged of the target/).waitFor();
      await row.getByRole('combobox', { name: 'Tranches' }).click();
      await page.getByRole('option', { name: 'quarterly' }).click();
      await row.getByTestId('pledge-confirm').click();
      await row.getByText('confirmed', { exact: true }).waitFor();
      await row.getByRole('link', { name: 'commitment' }).waitFor();
      const pledge = await eventually(
        () => run.db('pledges').where({ round_id: roundId }).first<{ status: string; commitment_id: number | null }>(),
        (p) => p.status === 'confirmed',
      );
      const commitment = await run.db('commitments').where({ id: pledge.commitment_id! }).first<{ amount_cents: number; status: string; initiative_id: number }>();
      expect(commitment).to.include({ amount_cents: 1_000_000, status: 'committed', initiative_id: initiativeId });
      expect(await run.db('tranches').where({ commitment_id: pledge.commitment_id! }).count<{ n: string }[]>({ n: '*' })).to.not.deep.equal([{ n: '0' }]);
      await screenshot(page, 'rounds-03-confirmed-english');
    });
  });

  describe('the demo round, as the gemeente', () => {
    const tab = freshPage(() => run);

    it('opens Tuinmaatjes Utrecht’s round for next year: its own pledge and the fonds’s proposed match of it', async () => {
      const page = tab();
      const demo = await run.db('cofinancing_rounds as r').join('initiatives as i', 'i.id', 'r.initiative_id').where('i.name', 'Tuinmaatjes Utrecht').first<{ id: number; title: string }>('r.id', 'r.title');
      expect(demo.title).to.equal(`Tuinploegen ${Number(amsterdamToday().slice(0, 4)) + 1}: samen het tekort dichten`);
      await login(page, run, USERS.funder);
      await page.getByTestId('open-rounds').getByRole('link', { name: demo.title }).click();
      await page.waitForURL(new RegExp(`#/cofinancing-rounds/${demo.id}/show`));
      const gemeente = page.getByTestId('round-pledge').filter({ hasText: 'Gemeente Utrecht' });
      await gemeente.getByText('toegezegd', { exact: true }).waitFor();
      const fonds = page.getByTestId('round-pledge').filter({ hasText: 'Fonds Groen Verbindt' });
      await fonds.getByText('voorgesteld', { exact: true }).waitFor();
      await fonds.getByText('matcht 50% van Gemeente Utrecht').waitFor();
      // Only the pledged money counts towards the target: the gemeente's, not the proposed match.
      await page.getByTestId('round-progress-text').getByText(/^€\s0,00 bevestigd, €\s[1-9][\d.]*,00 toegezegd van het doel €\s[\d.]+,\d\d; nog nodig: €\s[1-9][\d.]*,\d\d\.$/).waitFor();
      await page.getByTestId('round-runway').getByTestId('whatif-chart').waitFor();
      await screenshot(page, 'rounds-05-demo');
    });
  });

  describe('an admin on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('follows the round: its progress in words and its pledges', async () => {
      const page = tab();
      await login(page, run, USERS.admin);
      await page.goto(`${run.url}/#/cofinancing-rounds/${roundId}/show`);
      await page.getByTestId('round-progress-text').getByText(/^€\s10\.000,00 bevestigd, €\s10\.000,00 toegezegd/).waitFor();
      const box = await page.getByTestId('round-overview').boundingBox();
      expect(box!.x + box!.width).to.be.at.most(390);
      await screenshot(page, 'rounds-04-phone');
    });
  });
});
