import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// Policy simulations: a rule run over the whole portfolio by a job; only its result is written.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('simulations', (t) => {
    t.increments('id');
    t.text('rule').notNullable();
    t.jsonb('params').notNullable();
    t.date('as_of').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    t.integer('initiatives_total').notNullable().defaultTo(0);
    t.integer('initiatives_done').notNullable().defaultTo(0);
    t.jsonb('result');
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.check(checkIn('rule', ['extend_short_term', 'renew_expiring', 'raise_max_funding_years']), [], 'simulations_rule_check');
    t.check(checkIn('status', ['queued', 'running', 'completed', 'failed']), [], 'simulations_status_check');
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('simulations');
}
