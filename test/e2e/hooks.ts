// Loaded by test/e2e/.mocharc.json only. The browser tests run in `npm run test:e2e`; when the
// main test run picks their files up too, they skip themselves (see `startConsole`).
import { stopConsole } from './support/console.js';

process.env.VANGNET_E2E = 'true';

/** The server, its worker, the browser and the run's queues go at the end of the run. */
export async function mochaGlobalTeardown(): Promise<void> {
  await stopConsole();
}
