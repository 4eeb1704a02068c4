// Dependencies run one way (README, "Layout"): every import and `export ... from` of the project's
// TypeScript, type-only ones included, checked against the directions below. A file that imports
// across them fails here, naming the file, what it imports and the rule.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['bin', 'server', 'jobs', 'migrations', 'seeds', 'bench', 'test', 'admin/src'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'screenshots', 'results']);

/** What a file imports: a project file (repository path, extension as written) or an npm package. */
type Target = { project: string } | { pkg: string };

interface Import {
  file: string;
  specifier: string;
  target: Target;
}

interface Rule {
  rule: string;
  /** The files it is about (path prefixes). */
  files: readonly string[];
  forbids(target: Target, file: string): boolean;
}

// A directory's index counts as inside it: `server/contract` is under `server/contract/`.
const under = (target: Target, ...prefixes: string[]) => 'project' in target && prefixes.some((p) => `${target.project}/`.startsWith(p));
const RUNTIME = ['server/', 'jobs/', 'bin/', 'admin/'];

export const RULES: readonly Rule[] = [
  { rule: 'server/ never imports jobs/ or bin/', files: ['server/'], forbids: (t) => under(t, 'jobs/', 'bin/') },
  { rule: 'jobs/ never imports bin/', files: ['jobs/'], forbids: (t) => under(t, 'bin/') },
  { rule: 'server/domain/ imports only server/domain/ (and npm packages)', files: ['server/domain/'], forbids: (t) => 'project' in t && !under(t, 'server/domain/') },
  {
    rule: 'server/contract/ imports only server/contract/, server/domain/ and zod',
    files: ['server/contract/'],
    forbids: (t) => ('project' in t ? !under(t, 'server/contract/', 'server/domain/') : t.pkg !== 'zod' && t.pkg !== 'chai'),
  },
  { rule: 'server/data/ never imports server/resources/, server/services/ or server/http/', files: ['server/data/'], forbids: (t) => under(t, 'server/resources/', 'server/services/', 'server/http/') },
  { rule: 'server/services/ never imports server/http/', files: ['server/services/'], forbids: (t) => under(t, 'server/http/') },
  { rule: 'server/resources/ never imports server/http/', files: ['server/resources/'], forbids: (t) => under(t, 'server/http/') },
  { rule: 'migrations/ import no project code (their enum lists are written out)', files: ['migrations/'], forbids: (t) => 'project' in t && !under(t, 'migrations/') },
  { rule: 'admin/src/ imports only admin/src/ and server/contract/', files: ['admin/src/'], forbids: (t) => 'project' in t && !under(t, 'admin/src/', 'server/contract/') },
  {
    // The demo portfolio is part of the product (`npm start` loads it into an empty database,
    // `npm run seed` on demand): the entry points, and only they, compose it in.
    rule: 'runtime code (server/, jobs/, bin/, admin/) never imports test/, bench/ or seeds/ (bin/ may load seeds/)',
    files: RUNTIME,
    forbids: (t, file) => under(t, 'test/', 'bench/') || (under(t, 'seeds/') && !file.startsWith('bin/')),
  },
];

/** The module specifiers of a file's imports and re-exports (static, type-only, side-effect and dynamic). */
export function specifiersOf(source: string): string[] {
  // Comments may quote imports; string literals that merely look like a comment start are left alone.
  const code = source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const pattern of [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const match of code.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

function targetOf(file: string, specifier: string): Target {
  if (specifier.startsWith('.')) return { project: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
  if (specifier.startsWith('node:')) return { pkg: 'node' };
  const [scope, name] = specifier.split('/');
  return { pkg: scope!.startsWith('@') ? `${scope}/${name}` : scope! };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

export function importsOf(file: string, source: string): Import[] {
  return specifiersOf(source).map((specifier) => ({ file, specifier, target: targetOf(file, specifier) }));
}

/** `file → what it imports: the rule it breaks`, for every import that breaks one. */
export function violations(imports: readonly Import[]): string[] {
  return imports.flatMap(({ file, specifier, target }) =>
    RULES.filter((r) => r.files.some((prefix) => file.startsWith(prefix)) && r.forbids(target, file)).map((r) => `${file} → ${specifier}: ${r.rule}`),
  );
}

describe('the import graph', () => {
  const imports = SOURCE_DIRS.flatMap(sourceFiles).flatMap((file) => importsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));

  it('reads the imports of every part of the project', () => {
    for (const dir of SOURCE_DIRS) expect(imports.some((i) => i.file.startsWith(`${dir}/`)), dir).to.equal(true);
  });

  it('has no arrow running the wrong way', () => {
    expect(violations(imports)).to.deep.equal([]);
  });

  describe('the checker', () => {
    const check = (file: string, source: string) => violations(importsOf(file, source));

    it('reports a server file importing jobs/, also for a type only', () => {
      expect(check('server/services/scans.ts', "import type {\n  StartJob,\n} from '../../jobs/runtime.js';")).to.deep.equal([
        'server/services/scans.ts → ../../jobs/runtime.js: server/ never imports jobs/ or bin/',
      ]);
    });

    it('reads re-exports, side-effect and dynamic imports', () => {
      expect(specifiersOf("export { a } from './a.js';\nexport * from './b.js';\nimport './c.js';\nconst d = await import('./d.js');")).to.deep.equal(['./a.js', './b.js', './c.js', './d.js']);
    });

    it('ignores imports quoted in comments', () => {
      expect(specifiersOf("// import { x } from '../jobs/x.js';\n/**\n * from '../bin/main.js'\n */\nconst a = 1;")).to.deep.equal([]);
    });

    it('lets the contract use zod and the domain, nothing else', () => {
      expect(check('server/contract/figures.ts', "import { z } from 'zod';\nimport type { IsoDate } from '../domain/types.js';")).to.deep.equal([]);
      expect(check('server/contract/figures.ts', "import express from 'express';")).to.have.length(1);
    });

    it('lets the entry points, and nothing else at run time, load the demo portfolio', () => {
      expect(check('bin/seed.ts', "import { loadDemoIfEmpty } from '../seeds/load.js';")).to.deep.equal([]);
      expect(check('server/start.ts', "import { loadDemoIfEmpty } from '../seeds/load.js';")).to.have.length(1);
    });
  });
});
