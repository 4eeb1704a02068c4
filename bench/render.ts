// `tsx bench/render.ts bench/results/<date>-<size>.json [--latest]`
// Renders a recorded result again as Markdown (after a change to the report's layout or to the
// targets), next to the JSON; `--latest` also writes bench/results/latest.md. Results recorded
// before the PostgreSQL queues are rewritten in today's shape (their queue figures were Redis's).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkTargets, fromRecorded, renderMarkdown, type RecordedResult } from './support/report.js';

const { values, positionals } = parseArgs({ options: { latest: { type: 'boolean', default: false } }, allowPositionals: true });
for (const file of positionals) {
  const result = fromRecorded(JSON.parse(readFileSync(file, 'utf8')) as RecordedResult);
  result.targets = checkTargets(result);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const markdown = `${renderMarkdown(result)}\n`;
  writeFileSync(file.replace(/\.json$/, '.md'), markdown);
  if (values.latest) writeFileSync(path.join(path.dirname(file), 'latest.md'), markdown);
  console.log(`rendered ${file.replace(/\.json$/, '.md')}`);
}
