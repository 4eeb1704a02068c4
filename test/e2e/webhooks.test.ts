// Webhooks in the console: an admin (in Dutch, on a laptop) and a funder user (in English, on a
// phone) each make one, see its secret once, send a test message to a real receiver on 127.0.0.1
// and read the outcome in the deliveries log. Every page visited is checked with axe.
import { expect } from 'chai';
import { Receiver } from '../webhooks/receiver.js';
import { asUser, eventually, LAPTOP, openMenuItem, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

describe('webhooks in the console', function () {
  this.timeout(180_000);
  let run: ConsoleRun;
  let receiver: Receiver;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    receiver = await new Receiver([200]).start();
  });

  after(async () => {
    // No webhook of these tests stays on for the other suites' events.
    await run?.db('webhooks').update({ active: false });
    await receiver?.stop();
  });

  it('an admin makes a webhook, keeps its secret, sends a test message and sees it delivered (Dutch, laptop)', async () => {
    await asUser(run, USERS.admin, LAPTOP, async (page) => {
      await openMenuItem(page, 'Webhooks');
      await page.getByRole('link', { name: 'Toevoegen' }).click();
      await page.waitForURL(/#\/webhooks\/create$/);
      await page.getByLabel('Adres (URL)').fill(`${receiver.url}?wie=beheer`);
      await page.getByLabel('financieringsgat gevonden').check();
      await page.getByLabel('Omschrijving').fill('Dashboard van de coalitie');
      await screenshot(page, 'webhooks-01-admin-create');
      await page.getByRole('button', { name: 'Opslaan' }).click();

      const dialog = page.getByTestId('webhook-secret-dialog');
      await dialog.getByText('Bewaar dit geheim nu').waitFor();
      const secret = await dialog.getByTestId('webhook-secret').inputValue();
      expect(secret).to.match(/^whsec_/);
      await screenshot(page, 'webhooks-02-admin-secret');
      await dialog.getByTestId('webhook-secret-stored').click();
      await page.waitForURL(/#\/webhooks\/\d+\/show$/);
      const id = Number(/webhooks\/(\d+)\/show/.exec(page.url())![1]);
      expect(await run.db('webhooks').where({ id }).first('funder_id', 'events')).to.deep.equal({ funder_id: null, events: ['gap.opened'] });
      // Shown once: the webhook's page does not show it again.
      expect(await page.content()).to.not.include(secret);
      await page.getByText('Nog niets afgeleverd.').waitFor();

      receiver.secret = secret;
      await page.getByTestId('webhook-send-test').click();
      const log = page.getByTestId('webhook-deliveries');
      await log.getByText('afgeleverd', { exact: true }).waitFor({ timeout: 30_000 });
      await log.getByText('testbericht', { exact: true }).waitFor();
      const received = await eventually(async () => receiver.received.length, (n) => n === 1);
      expect(received).to.equal(1);
      expect(receiver.received[0]!.signatureValid).to.equal(true);
      await screenshot(page, 'webhooks-03-admin-delivered');
    });
  });

  it("a funder user makes its own funder's webhook, keeps its secret and opens the deliveries log (English, phone)", async () => {
    await asUser(run, USERS.funder, PHONE, async (page) => {
      await page.getByRole('button', { name: /Nederlands/i }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await openMenuItem(page, 'Webhooks');
      await page.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/#\/webhooks\/create$/);
      await page.getByLabel('Address (URL)').fill(`${receiver.url}?who=funder`);
      await screenshot(page, 'webhooks-04-funder-create-phone');
      await page.getByRole('button', { name: 'Save' }).click();

      const dialog = page.getByTestId('webhook-secret-dialog');
      await dialog.getByText('Keep this secret now').waitFor();
      const secret = await dialog.getByTestId('webhook-secret').inputValue();
      expect(secret).to.match(/^whsec_/);
      await screenshot(page, 'webhooks-05-funder-secret-phone');
      await dialog.getByTestId('webhook-secret-stored').click();
      await page.waitForURL(/#\/webhooks\/\d+\/show$/);
      const id = Number(/webhooks\/(\d+)\/show/.exec(page.url())![1]);
      const funder = await run.db('funders').where({ name: 'Gemeente Utrecht' }).first<{ id: number }>('id');
      expect(await run.db('webhooks').where({ id }).first('funder_id', 'events')).to.deep.equal({ funder_id: funder.id, events: [] });
      await page.getByTestId('webhook-deliveries').getByText('Nothing delivered yet.').waitFor();
      await page.getByText('every event').waitFor();
      expect(await page.content()).to.not.include(secret);
      await screenshot(page, 'webhooks-06-funder-show-phone');

      await page.reload();
      await page.getByTestId('webhook-deliveries').waitFor();
      expect(await page.content()).to.not.include(secret);
      await openMenuItem(page, 'Webhooks');
      await page.getByRole('cell', { name: `${receiver.url}?who=funder` }).first().waitFor();
      expect(await page.getByRole('cell', { name: '?wie=beheer' }).count()).to.equal(0);
      await screenshot(page, 'webhooks-07-funder-list-phone');
    });
  });
});
