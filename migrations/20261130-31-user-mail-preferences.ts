import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const LANGUAGES = ['nl', 'en'];
const DIGESTS = ['daily', 'weekly', 'off'];

// Each user's language (of the e-mails, and the console's default) and how often the e-mail digest
// comes. The digest's default depends on the role — daily for funder and initiative users, weekly
// for admins — so the database fills it in whenever a write leaves it out (null): every way a user
// is made (the API, seeds, the first admin, tests) gets the same default.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.text('language').notNullable().defaultTo('nl');
    t.text('digest');
    t.check(checkIn('language', LANGUAGES), [], 'users_language_check');
    t.check(checkIn('digest', DIGESTS), [], 'users_digest_check');
  });
  await knex.raw(`
    CREATE FUNCTION users_default_digest() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.digest IS NULL THEN
        NEW.digest := CASE WHEN NEW.role = 'admin' THEN 'weekly' ELSE 'daily' END;
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw('CREATE TRIGGER users_default_digest BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_default_digest()');
  await knex.raw("UPDATE users SET digest = CASE WHEN role = 'admin' THEN 'weekly' ELSE 'daily' END");
  await knex.raw('ALTER TABLE users ALTER COLUMN digest SET NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER users_default_digest ON users');
  await knex.raw('DROP FUNCTION users_default_digest()');
  await knex.schema.alterTable('users', (t) => {
    t.dropChecks(['users_language_check', 'users_digest_check']);
    t.dropColumn('language');
    t.dropColumn('digest');
  });
}
