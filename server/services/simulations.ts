// `POST /api/simulations`: an admin asks what a policy would do to the portfolio; the simulation
// is recorded and queued (503 and nothing recorded when the queue cannot take it). The job runs
// data/simulations.ts.
import type { Knex } from 'knex';
import type { StartSimulation } from '../contract/simulations.js';
import { createSimulation, failSimulation, runSimulation } from '../data/simulations.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../domain/settings.js';
import type { SimulationRule } from '../domain/simulation.js';
import { unavailable } from '../errors.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { assertRoleMay } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { today } from './clock.js';
import type { CrudService } from './crud.js';
import { QUEUE_DOWN } from './scans.js';

export interface SimulationQueue {
  ready: () => Promise<boolean>;
  queueSimulation: (simulationId: number) => Promise<void>;
}

export class SimulationService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly queue: SimulationQueue | null,
    private readonly settings: DomainSettings = DEFAULT_SETTINGS,
  ) {}

  /** The job: the simulation over the whole portfolio. */
  run(simulationId: number): Promise<void> {
    return runSimulation(this.db, simulationId, this.settings);
  }

  fail(simulationId: number, error: string): Promise<void> {
    return failSimulation(this.db, simulationId, error);
  }

  async start(actor: Actor, body: StartSimulation): Promise<ApiRecord> {
    assertRoleMay(actor, 'simulations', 'create');
    const queue = this.queue;
    if (!queue || !(await queue.ready())) throw unavailable(QUEUE_DOWN, 'unavailable.queue');
    const { asOf, ...rule } = body;
    const id = await this.db.transaction(async (trx) => {
      const created = await createSimulation(trx, rule as SimulationRule, asOf ?? today());
      await recordAudit(trx, actor, 'create', 'simulations', created, null, { id: created, ...rule, asOf: asOf ?? today() });
      try {
        await queue.queueSimulation(created);
      } catch {
        throw unavailable(QUEUE_DOWN, 'unavailable.queue');
      }
      return created;
    });
    return this.crud.get(RESOURCES.simulations!, actor, id);
  }
}
