// The funder's co-financing view tells the truth: on Gemeente Utrecht's dashboard each co-funder of
// its initiatives shows its statuses, its committed money in the coming three years and the end
// date of that money, grouped into current, applied for and earlier (folded away until opened);
// in Dutch, in English, and on a phone.
//
// From the demo portfolio (placed relative to the day it is loaded, Y = this year):
// - De Gedeelde Pan: Versmarkt Zuid B.V. committed € 10.000 over Y-01-01..(Y+1)-12-31 without
//   tranches (current); Gemeente Utrecht's own 2024 and 2025 commitments (two years before Y
//   and one) have ended.
// - Tuinmaatjes Utrecht: Zorgverzekeraar Gezond Verbond only conditionally committed (applied
//   for); Coöperatieve Buurtbank U.A. and Fonds Groen Verbindt finished before today (earlier).
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { amsterdamToday } from '../analytics/shapes.js';
import { freshPage, login, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

const DAY_MS = 86_400_000;

/**
 * Versmarkt Zuid's money in the window, worked out independently of the domain code: € 10.000
 * spread over the days of this year and next, of which the window (from the first of this month)
 * holds the days from the first of this month to the end of next year. On 2026-11-30:
 * 1_000_000 × 426 / 730 = 583_561.64 cents, shown as € 5.836.
 */
function versmarktEuros(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 2, 0, 1);
  const windowStart = Date.UTC(year, month - 1, 1);
  const cents = (1_000_000 * ((end - windowStart) / DAY_MS)) / ((end - start) / DAY_MS);
  return Math.round(Math.round(cents) / 100);
}

const grouped = (euros: number, separator: string) => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const text = async (locator: Locator) => (await locator.innerText()).replace(/[\u00a0\u202f]/g, ' ');

describe('the co-financing view of a funder', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  const today = amsterdamToday();
  const nextYear = Number(today.slice(0, 4)) + 1;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
  });


  const row = (page: Page, initiative: string) => page.getByTestId('cofunding-row').filter({ hasText: initiative });
  const cofunder = (page: Page, initiative: string, funder: string) => row(page, initiative).getByTestId('cofunder').filter({ hasText: funder });

  describe('in Dutch', () => {
    const tab = freshPage(() => run);

    it('shows each co-funder with its status, its money in the coming years and its end date', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await row(page, 'De Gedeelde Pan').waitFor();
      const window = await text(page.getByTestId('cofunding-window'));
      expect(window).to.match(/^Bedragen: toegezegd en afgerond geld van \S+ \d{4} t\/m \S+ \d{4}, verdeeld over de looptijd\.$/);

      const versmarkt = cofunder(page, 'De Gedeelde Pan', 'Versmarkt Zuid B.V.');
      expect(await versmarkt.getAttribute('data-group')).to.equal('current');
      await versmarkt.getByText('toegezegd', { exact: true }).waitFor();
      expect(await text(versmarkt.getByTestId('cofunder-amount'))).to.equal(`€ ${grouped(versmarktEuros(today), '.')}`);
      expect(await text(versmarkt.getByTestId('cofunder-end'))).to.equal(`t/m 31-12-${nextYear}`);
      await row(page, 'De Gedeelde Pan').getByTestId('cofunders-current').getByText('Lopend').waitFor();

      const zorg = cofunder(page, 'Tuinmaatjes Utrecht', 'Zorgverzekeraar Gezond Verbond');
      expect(await zorg.getAttribute('data-group')).to.equal('pipeline');
      await zorg.getByText('voorwaardelijk toegezegd', { exact: true }).waitFor();
      expect(await zorg.getByTestId('cofunder-amount').count()).to.equal(0);
      await row(page, 'Tuinmaatjes Utrecht').getByTestId('cofunders-pipeline').getByText('Aangevraagd').waitFor();
      await screenshot(page, 'cofunding-01-dashboard');
    });

    it('opens the earlier co-funders and the funder’s own earlier commitments', async () => {
      const page = tab();
      const tuin = row(page, 'Tuinmaatjes Utrecht');
      const buurtbank = cofunder(page, 'Tuinmaatjes Utrecht', 'Coöperatieve Buurtbank U.A.');
      expect(await buurtbank.isVisible()).to.equal(false);
      const more = tuin.getByTestId('cofunders').getByRole('button', { name: '+ 2 eerdere' });
      expect(await more.getAttribute('aria-expanded')).to.equal('false');
      await more.click();
      await buurtbank.waitFor();
      expect(await buurtbank.getAttribute('data-group')).to.equal('past');
      await buurtbank.getByText('afgerond', { exact: true }).waitFor();
      await cofunder(page, 'Tuinmaatjes Utrecht', 'Fonds Groen Verbindt').waitFor();
      await tuin.getByTestId('cofunders-past').getByText('Eerder').waitFor();
      const hide = tuin.getByTestId('cofunders').getByRole('button', { name: 'Eerdere verbergen' });
      expect(await hide.getAttribute('aria-expanded')).to.equal('true');

      const pan = row(page, 'De Gedeelde Pan');
      const shown = await pan.getByTestId('own-commitment').filter({ visible: true }).count();
      await pan.getByRole('button', { name: '+ 2 eerdere' }).click();
      expect(await pan.getByTestId('own-commitment').filter({ visible: true }).count()).to.equal(shown + 2);
      await screenshot(page, 'cofunding-02-expanded');

      await hide.click();
      await buurtbank.waitFor({ state: 'hidden' });
    });

    it('opens an initiative from the table', async () => {
      const page = tab();
      await row(page, 'Tuinmaatjes Utrecht').getByRole('link', { name: 'Tuinmaatjes Utrecht' }).click();
      await page.waitForURL(/#\/initiatives\/\d+\/show/);
      await page.getByRole('heading', { name: 'Tuinmaatjes Utrecht', exact: true }).waitFor();
      await screenshot(page, 'cofunding-03-initiative');
    });
  });

  describe('in English', () => {
    const tab = freshPage(() => run);

    it('shows the groups, statuses, amounts and dates in English', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByTestId('cofunding-window').getByText(/^Amounts: committed and completed funding from/).waitFor();

      const versmarkt = cofunder(page, 'De Gedeelde Pan', 'Versmarkt Zuid B.V.');
      await versmarkt.getByText('committed', { exact: true }).waitFor();
      expect(await text(versmarkt.getByTestId('cofunder-amount'))).to.equal(`€${grouped(versmarktEuros(today), ',')}`);
      expect(await text(versmarkt.getByTestId('cofunder-end'))).to.equal(`until 31/12/${nextYear}`);
      const tuin = row(page, 'Tuinmaatjes Utrecht');
      await tuin.getByTestId('cofunders-pipeline').getByText('Applied for').waitFor();
      await tuin.getByTestId('cofunders').getByRole('button', { name: '+ 2 earlier' }).click();
      await tuin.getByTestId('cofunders-past').getByText('Earlier').waitFor();
      await cofunder(page, 'Tuinmaatjes Utrecht', 'Coöperatieve Buurtbank U.A.').getByText('completed', { exact: true }).waitFor();
      await screenshot(page, 'cofunding-04-english');
    });
  });

  describe('on a phone', () => {
    const tab = freshPage(() => run, PHONE);

    it('stacks each initiative, co-funders first, nothing scrolling sideways, and opens the earlier ones', async () => {
      const page = tab();
      await login(page, run, USERS.funder);
      const card = page.getByTestId('cofunding');
      await row(page, 'Tuinmaatjes Utrecht').waitFor();
      const box = await card.boundingBox();
      expect(box!.x + box!.width).to.be.at.most(390);
      const wide = await card.evaluate((el) =>
        [...el.querySelectorAll('*')]
          .filter((child) => child.scrollWidth > child.clientWidth + 1 && el.ownerDocument.defaultView?.getComputedStyle(child).overflowX !== 'visible')
          .map((child) => `${child.tagName}.${child.className} ${child.scrollWidth}>${child.clientWidth}`),
      );
      expect(wide).to.deep.equal([]);
      const versmarkt = cofunder(page, 'De Gedeelde Pan', 'Versmarkt Zuid B.V.');
      expect(await text(versmarkt.getByTestId('cofunder-amount'))).to.equal(`€ ${grouped(versmarktEuros(today), '.')}`);
      const endBox = await versmarkt.getByTestId('cofunder-end').boundingBox();
      expect(endBox!.x + endBox!.width).to.be.at.most(390);
      const pan = row(page, 'De Gedeelde Pan');
      const [cofundersBox, ownBox] = await Promise.all([pan.getByTestId('cofunders').boundingBox(), pan.getByTestId('own-commitment').first().boundingBox()]);
      expect(cofundersBox!.y).to.be.below(ownBox!.y);
      await screenshot(page, 'cofunding-05-phone');

      const more = row(page, 'Tuinmaatjes Utrecht').getByTestId('cofunders').getByRole('button', { name: '+ 2 eerdere' });
      await more.scrollIntoViewIfNeeded();
      await more.click();
      await cofunder(page, 'Tuinmaatjes Utrecht', 'Fonds Groen Verbindt').waitFor();
      await screenshot(page, 'cofunding-06-phone-expanded');
    });
  });
});
