// The console on a phone (390 × 844) for each role: every page its menu offers, the show pages of
// an initiative, a funder and a commitment, and the forms. None may scroll sideways — wide tables
// scroll inside their card — nor hide a list's end under the floating create button, and each is
// screenshotted, so axe checks it too. The dashboard and the initiative page also on the
// narrowest phone (360), the initiative page at tablet (768) and small laptop (1024) width.
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, login, newPage, PHONE, screenshot, startConsole, USERS, type ConsoleRun } from './support/console.js';

const NARROWEST = { width: 360, height: 740 };

type Role = keyof typeof USERS;

interface Ids {
  initiative: number;
  funder: number;
  commitment: number;
  user: number;
}

/** The demo portfolio's records every role may see: De Gedeelde Pan, funded by Gemeente Utrecht. */
async function demoIds(run: ConsoleRun): Promise<Ids> {
  const initiative = await run.db('initiatives').where({ name: 'De Gedeelde Pan' }).first<{ id: number }>('id');
  const funder = await run.db('funders').where({ name: 'Gemeente Utrecht' }).first<{ id: number }>('id');
  const commitment = await run.db('commitments').where({ initiative_id: initiative.id, funder_id: funder.id }).orderBy('id').first<{ id: number }>('id');
  const user = await run.db('users').where({ email: USERS.funder.email }).first<{ id: number }>('id');
  return { initiative: initiative.id, funder: funder.id, commitment: commitment.id, user: user.id };
}

/** Beyond the menu: show pages and forms, per role (only what the role may open). */
function extraPages(role: Role, ids: Ids): string[] {
  const shows = [`initiatives/${ids.initiative}/show`, `funders/${ids.funder}/show`, `commitments/${ids.commitment}/show`, 'commitments/create'];
  if (role === 'admin') {
    return [
      ...shows,
      `commitments/${ids.commitment}`,
      'initiatives/create',
      `initiatives/${ids.initiative}`,
      'funders/create',
      `funders/${ids.funder}`,
      'users/create',
      `users/${ids.user}`,
    ];
  }
  if (role === 'funder') return [...shows, `commitments/${ids.commitment}`];
  return [...shows, `commitments/${ids.commitment}`, `initiatives/${ids.initiative}`];
}

/**
 * The console's routes in the menu, read from the menu itself (opened through its toggle on a
 * phone). The queue dashboard, bull-board's own page outside the console, is left out.
 */
async function menuRoutes(page: Page): Promise<string[]> {
  await page.locator('.RaAppBar-menuButton').click();
  const items = page.getByRole('menuitem');
  await items.first().waitFor();
  const hrefs = await items.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await page.keyboard.press('Escape');
  return hrefs.filter((href) => href.startsWith('#')).map((href) => href.replace(/^#\/?/, ''));
}

/** Waits until nothing on the page still loads: no spinner, no skeleton, no running bar. */
async function settled(page: Page): Promise<void> {
  const busy = page.locator('.MuiCircularProgress-root, .MuiSkeleton-root, .MuiLinearProgress-indeterminate');
  await eventually(() => busy.count(), (n) => n === 0);
  await page.getByRole('main').waitFor();
}

/** How far the page and its body reach beyond the window's width (0 when nothing sticks out). */
async function overflow(page: Page): Promise<{ html: number; body: number }> {
  const [html, body, width] = await page.evaluate<[number, number, number]>(
    '[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]',
  );
  return { html: html - width, body: body - width };
}

/** Scrolled to its end, does a list end above the floating create button (true without one)? */
async function listClearOfCreateButton(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const button = document.querySelector('.RaList-actions .RaCreateButton-floating');
    const list = document.querySelector('.RaList-content');
    if (!button || !list) return true;
    window.scrollTo(0, document.documentElement.scrollHeight);
    const clear = list.getBoundingClientRect().bottom <= button.getBoundingClientRect().top;
    window.scrollTo(0, 0);
    return clear;
  })()`);
}

async function visit(page: Page, run: ConsoleRun, route: string, name: string): Promise<void> {
  await page.goto(`${run.url}/#/${route}`);
  await settled(page);
  const sideways = await overflow(page);
  const clear = await listClearOfCreateButton(page);
  await screenshot(page, name);
  expect(sideways, `${route} scrolls sideways`).to.deep.equal({ html: 0, body: 0 });
  expect(clear, `the create button covers the end of ${route}`).to.equal(true);
}

const slug = (route: string) => route.replace(/\//g, '-') || 'dashboard';

describe('the console on every screen size', function () {
  this.timeout(240_000);
  let run: ConsoleRun;
  let ids: Ids;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    ids = await demoIds(run);
  });

  for (const role of Object.keys(USERS) as Role[]) {
    describe(`for ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} on a phone`, () => {
      let context: BrowserContext;
      let page: Page;
      before(async () => {
        ({ context, page } = await newPage(run, PHONE));
        await login(page, run, USERS[role]);
      });
      after(async () => {
        await context?.close();
      });

      it('shows every page of the menu without scrolling sideways', async () => {
        const routes = await menuRoutes(page);
        expect(routes.length).to.be.greaterThan(2);
        for (const route of routes) await visit(page, run, route, `layout-390-${role}-${slug(route)}`);
      });

      it('shows the show pages and forms without scrolling sideways', async () => {
        for (const route of extraPages(role, ids)) await visit(page, run, route, `layout-390-${role}-${slug(route)}`);
      });

      it('shows the dashboard and the initiative whole on the narrowest phone, 360 px', async () => {
        await page.setViewportSize(NARROWEST);
        for (const route of ['', `initiatives/${ids.initiative}/show`]) await visit(page, run, route, `layout-360-${role}-${slug(route)}`);
      });
    });
  }

  for (const width of [768, 1024]) {
    it(`shows the initiative page whole at ${width} px`, async () => {
      const { context, page } = await newPage(run, { width, height: 1024 });
      try {
        await login(page, run, USERS.admin);
        await visit(page, run, `initiatives/${ids.initiative}/show`, `layout-${width}-admin-initiative`);
      } finally {
        await context.close();
      }
    });
  }
});
