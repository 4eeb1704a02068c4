// The console end to end: a fresh database with the demo portfolio, a fresh build of the console,
// the real server (API, console and a worker) on a free port, and a headless Debian chromium.
// Started once per run, whichever file asks first; stopped by the run's global teardown. As on a
// laptop, without E2E_DATABASE_URL the run starts an embedded PostgreSQL of its own, and without
// E2E_REDIS_URL its queues run on PostgreSQL.
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../../server/config.js';
import { buildConsole } from '../../../server/consoleBuild.js';
import { dropQueueKeys, recreateDatabase } from '../../support/infra.js';
import type { Db } from '../../../server/data/db.js';
import { databaseUrl, startEmbeddedPostgres } from '../../../server/data/embeddedPostgres.js';
import { createLogger } from '../../../server/logger.js';
import { startServer } from '../../../bin/start.js';
import { checkA11y } from './a11y.js';

/** Redis for the run's queues; unset: the queues run on PostgreSQL (bull-board then has nothing to show). */
export const E2E_REDIS_URL: string | undefined = process.env.E2E_REDIS_URL || undefined;
/** This run's own queues, so no other worker takes its jobs and no earlier run's job ids collide. */
const QUEUE_PREFIX = `{vangnet-e2e-${process.pid}}`;
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export const USERS = {
  admin: { email: 'admin@vangnet.example', password: 'vangnet-admin-2026' },
  funder: { email: 'gemeente.utrecht@vangnet.example', password: 'utrecht-demo-2026' },
  initiative: { email: 'degedeeldepan@vangnet.example', password: 'gedeelde-pan-2026' },
} as const;

export interface ConsoleRun {
  url: string;
  db: Db;
  browser: Browser;
  close(): Promise<void>;
}

/** E2E_DATABASE_URL, else a database on an embedded PostgreSQL in a temporary folder, removed at the end. */
async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.E2E_DATABASE_URL) return { url: process.env.E2E_DATABASE_URL, stop: async () => undefined };
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-e2e-'));
  const server = await startEmbeddedPostgres(dataDir);
  console.log(`  (no E2E_DATABASE_URL: the console runs on an embedded PostgreSQL ${server.version} in ${dataDir})`);
  return {
    url: databaseUrl(server.url, 'vangnet_e2e'),
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function start(): Promise<ConsoleRun> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db = await database();
  await recreateDatabase(db.url);
  // Always build: the tests are about the console as it is in the working tree.
  await buildConsole();
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: E2E_REDIS_URL ?? '',
    PORT: '0',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX,
    START_WORKER: 'true',
    // Small batches, so a scan of the 40 demo initiatives fans out into several.
    SCAN_BATCH: '10',
    // Webhooks to the tests' receivers on 127.0.0.1 (test/e2e/webhooks.test.ts); the product never connects elsewhere.
    WEBHOOK_ALLOW_PRIVATE: 'true',
  });
  const server = await startServer(config, createLogger('silent'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url: server.url,
    db: server.db,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      if (E2E_REDIS_URL) await dropQueueKeys(E2E_REDIS_URL, QUEUE_PREFIX);
      await db.stop();
    },
  };
}

let running: Promise<ConsoleRun> | null = null;

/** The shared console of this run; outside `npm run test:e2e` the calling suite is skipped. */
export function startConsole(suite: Mocha.Context): Promise<ConsoleRun> {
  if (process.env.VANGNET_E2E !== 'true') suite.skip();
  running ??= start();
  return running;
}

export async function stopConsole(): Promise<void> {
  if (!running) return;
  const run = await running;
  running = null;
  await run.close();
}

/** A browser window's size, CSS pixels. */
export type Viewport = { width: number; height: number };

/** A laptop's viewport, the size a fresh profile opens at. */
export const LAPTOP = { width: 1366, height: 900 } as const;

/** A fresh browser profile (so a fresh language choice) at laptop size, Dutch. */
export async function newPage(run: ConsoleRun, viewport: Viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await run.browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** A phone's viewport (an iPhone 12–14 in portrait). */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * A fresh browser profile (`newPage`) for the tests of the enclosing `describe`: opened before
 * them, closed after them. Called in the describe's body, where the run is not started yet, so
 * it takes the run as a getter; the answer is the page's getter, for the tests.
 */
export function freshPage(run: () => ConsoleRun, viewport?: Viewport): () => Page {
  let context: BrowserContext | undefined;
  let current: Page | undefined;
  before(async () => {
    ({ context, page: current } = await newPage(run(), viewport));
  });
  after(async () => {
    await context?.close();
  });
  return () => current!;
}

/** Signs in and waits for the menu: the side menu on a laptop, its button on a phone. */
export async function login(page: Page, run: ConsoleRun, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${run.url}/#/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click();
  // On a phone the menu hides behind its button until opened.
  await page.getByRole('menuitem', { name: /Dashboard/ }).or(page.getByRole('button', { name: /^(Menu openen|Open menu)$/ })).first().waitFor();
}

/** A fresh browser profile of this size, logged in as the user, closed after the work. */
export async function asUser(
  run: ConsoleRun,
  user: { email: string; password: string },
  viewport: Viewport,
  work: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const { context, page } = await newPage(run, viewport);
  try {
    await login(page, run, user);
    await work(page, context);
  } finally {
    await context.close();
  }
}

/** Clicks an item of the menu, opening the menu first where a phone hides it behind its button. */
export async function openMenuItem(page: Page, name: string | RegExp): Promise<void> {
  if ((page.viewportSize()?.width ?? LAPTOP.width) < 600) await page.getByRole('button', { name: /^(Menu openen|Open menu)$/ }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** A picture of the page as shown, then axe's check of it: every page a test visits is checked. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Out of the way, so no chart tooltip hovers over the picture.
  await page.mouse.move(1, (page.viewportSize()?.height ?? 600) - 1);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await checkA11y(page, name);
}

/** Polls `read` until `ok` holds for its value (the page catching up), and answers that value. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
