// A benchmark's Markdown result, kept as results/<date>-<name>.md and printed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '../../server/services/clock.js';
import { REPO_ROOT } from './processes.js';

export function recordMarkdown(name: string, lines: readonly string[]): void {
  writeFileSync(path.join(REPO_ROOT, 'bench', 'results', `${today()}-${name}.md`), lines.join('\n'));
  console.log(lines.join('\n'));
}
