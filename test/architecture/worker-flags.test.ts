// A worker process starts with the V8 flags jobs/runtime.ts names (WORKER_NODE_FLAGS), however it
// is started: `npm run worker`, `npm run worker:prod`, and the benchmark's and tests' workers,
// which take the list itself.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { WORKER_NODE_FLAGS } from '../../jobs/runtime.js';

describe('architecture: the worker scripts', () => {
  const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

  for (const name of ['worker', 'worker:prod']) {
    it(`starts node with the worker's flags in \`npm run ${name}\``, () => {
      const words = scripts[name]!.split(/\s+/);
      const node = words.indexOf('node');
      expect(node, scripts[name]).to.be.at.least(0);
      expect(words.slice(node + 1, node + 1 + WORKER_NODE_FLAGS.length)).to.deep.equal([...WORKER_NODE_FLAGS]);
    });
  }
});
