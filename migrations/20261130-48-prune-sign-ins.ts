import type { Knex } from 'knex';

// Login attempts and sessions are pruned as logins happen (server/services/auth.ts): attempts a
// day after they were made, sessions a day after they ended. These indexes keep the prune a short
// range scan however many logins there are.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX login_attempts_at_idx ON login_attempts (at)');
  await knex.raw('CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX sessions_expires_at_idx');
  await knex.raw('DROP INDEX login_attempts_at_idx');
}
