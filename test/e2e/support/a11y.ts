// Accessibility of every page a browser test visits: axe-core's WCAG 2.1 A and AA rules, run in
// the page as it is shown. A serious or critical violation fails the test; minor and moderate
// ones are left to review, since axe reports some of those for layout choices, not barriers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions, SerialContextObject } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

/**
 * Parts of the page that only react-admin or MUI draw and our code cannot reach, each with why.
 * Empty: every violation the tests met so far was fixed in the console.
 */
const EXCLUDE: string[] = [];

/**
 * Pages that are not the console's own and whose markup we cannot change: bull-board's queue
 * dashboard (its icon buttons have no names, its logo no text alternative).
 */
const FOREIGN_PAGES = [/^\/admin\/queues(\/|$)/];

const BLOCKING = new Set(['serious', 'critical']);

interface AxeWindow {
  axe?: { run(context: SerialContextObject, options: RunOptions): Promise<AxeResults> };
}

/** Runs axe on the current page; throws with rule, impact and the offending elements. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  if (FOREIGN_PAGES.some((path) => path.test(new URL(page.url()).pathname))) return;
  // Evaluated rather than added as a <script>: the server's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => Boolean((globalThis as AxeWindow).axe)))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    ({ exclude, options }) => {
      const axe = (globalThis as AxeWindow).axe;
      if (!axe) throw new Error('axe-core did not load');
      return axe.run({ exclude }, options);
    },
    { exclude: EXCLUDE, options: OPTIONS },
  );
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  if (blocking.length === 0) return;
  const lines = blocking.map((v) => {
    const targets = v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
    return `  ${v.id} (${v.impact}): ${v.help}\n${targets.join('\n')}`;
  });
  throw new Error(`accessibility violations on "${name}" (${page.url()}):\n${lines.join('\n')}`);
}
