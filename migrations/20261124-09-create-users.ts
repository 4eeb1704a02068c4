import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const ROLES = ['admin', 'funder', 'initiative'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('email').notNullable();
    t.text('password_hash').notNullable();
    t.text('role').notNullable();
    t.integer('funder_id').references('funders.id').onDelete('RESTRICT');
    t.integer('initiative_id').references('initiatives.id').onDelete('RESTRICT');
    t.boolean('disabled').notNullable().defaultTo(false);
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('role', ROLES), [], 'users_role_check');
    // A user is bound to exactly what its role needs, nothing more.
    t.check(
      `(role = 'admin' AND funder_id IS NULL AND initiative_id IS NULL)
       OR (role = 'funder' AND funder_id IS NOT NULL AND initiative_id IS NULL)
       OR (role = 'initiative' AND initiative_id IS NOT NULL AND funder_id IS NULL)`,
      [],
      'users_binding_check',
    );
    t.index(['funder_id']);
    t.index(['initiative_id']);
    t.index(['role']);
    t.index(['disabled']);
  });
  // Unique whatever the case; also serves the case-insensitive email filter.
  await knex.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
