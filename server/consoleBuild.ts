// The console's build (admin/dist), made with vite's command line in a process of its own:
// inside a process with other module loaders (tsx, mocha) vite cannot resolve its own modules.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from './logger.js';

/** The project's folder, from `server/` under tsx and from `dist/server/` in a compiled build. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const CONSOLE_DIR = path.join(projectRoot(), 'admin', 'dist');
const CONSOLE_CONFIG = path.join(projectRoot(), 'admin', 'vite.config.ts');

export async function buildConsole(): Promise<void> {
  // The package exports no bin path: find it beside its package.json.
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', CONSOLE_CONFIG, '--logLevel', 'warn']);
}

/** Builds the console once when no build exists yet (a fresh clone), so `npm start` serves it. */
export async function ensureConsoleBuilt(logger: Logger): Promise<void> {
  if (existsSync(path.join(CONSOLE_DIR, 'index.html'))) return;
  logger.info('building the console (first start only)');
  await buildConsole();
}
