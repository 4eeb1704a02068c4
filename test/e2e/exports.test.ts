// The console's Export buttons download what the server makes: a list's xlsx with the list's
// filter, the initiative overview workbook; and a page printed shows no console frame.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { eventually, login, newPage, screenshot, SCREENSHOTS, startConsole, USERS, type ConsoleRun } from './support/console.js';

/** The first sheet of a downloaded workbook as rows of cell values. */
async function firstSheet(download: Download, dir: string): Promise<unknown[][]> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports in the console', function () {
  this.timeout(120_000);
  let run: ConsoleRun;
  let context: BrowserContext | undefined;
  let page: Page;
  let dir: string;

  before(async function () {
    this.timeout(300_000);
    run = await startConsole(this);
    ({ context, page } = await newPage(run));
    dir = await mkdtemp(path.join(tmpdir(), 'vangnet-exports-'));
    await login(page, run, USERS.admin);
  });

  after(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("downloads a list as xlsx with the list's filter", async () => {
    const filter = encodeURIComponent(JSON.stringify({ status: 'committed' }));
    await page.goto(`${run.url}/#/commitments?filter=${filter}`);
    await page.getByRole('columnheader', { name: 'Titel' }).waitFor();
    await screenshot(page, 'exports-01-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    expect(download.suggestedFilename()).to.match(/^toezeggingen-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await firstSheet(download, dir);
    expect(header).to.include.members(['Titel', 'Initiatief', 'Financier', 'Status', 'Bedrag']);
    const status = header!.indexOf('Status');
    expect(rows.length).to.be.greaterThan(0);
    expect(new Set(rows.map((r) => r[status]))).to.deep.equal(new Set(['toegezegd']));
  });

  it('offers CSV beside Excel', async () => {
    await page.getByRole('button', { name: 'Andere formaten' }).click();
    await page.getByRole('menuitem', { name: 'CSV (puntkomma’s)' }).waitFor();
    // The menu fades in.
    await page.waitForTimeout(400);
    await screenshot(page, 'exports-02-formats');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (puntkomma’s)' }).click()]);
    expect(download.suggestedFilename()).to.match(/^toezeggingen-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).to.match(/^Nr\.;/);
  });

  it('downloads the overview workbook of an initiative, and prints without the console frame', async () => {
    await page.goto(`${run.url}/#/initiatives`);
    await page.getByRole('cell', { name: 'De Gedeelde Pan' }).first().click();
    const overview = page.getByTestId('download-button');
    await overview.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), overview.click()]);
    expect(download.suggestedFilename()).to.match(/^overzicht-de-gedeelde-pan-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await firstSheet(download, dir))[0]).to.include('Financier');
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.MuiAppBar-root').isVisible()).to.equal(false);
    expect(await overview.isVisible()).to.equal(false);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exports-03-initiative-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(viewport);
  });

  it('prints the dashboard with its charts redrawn at the width of an A4 page', async () => {
    await page.goto(`${run.url}/#/`);
    await page.locator('.recharts-surface').first().waitFor();
    // The browser's print dialog is replaced by a look at the page at the moment it would print
    // (a script in the page's own terms: these tests are compiled without the DOM's types).
    await page.evaluate(`
      window.printed = null;
      window.print = () => {
        const width = (selector) => document.querySelector(selector)?.getBoundingClientRect().width ?? -1;
        window.printed = { chart: width('.recharts-surface'), content: width('.RaLayout-content') };
      };
    `);
    await page.getByTestId('print-button').click();
    const printed = await eventually(
      () => page.evaluate('window.printed') as Promise<{ chart: number; content: number } | null>,
      (p) => p !== null,
    );
    // 186 mm is 703 CSS pixels.
    expect(printed!.content).to.be.closeTo(703, 2);
    expect(printed!.chart).to.be.greaterThan(0).and.at.most(printed!.content);
    // A picture of the printed page, at the width of A4 (210 mm, 794 pixels).
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.waitForTimeout(1_500);
    expect(await page.locator('.recharts-wrapper').first().evaluate((e) => e.getBoundingClientRect().width)).to.be.greaterThan(600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exports-04-dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(viewport);
  });
});
