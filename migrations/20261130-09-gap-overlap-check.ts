import type { Knex } from 'knex';

// DESIGN.md: "The database forbids two open gaps of one initiative and kind with overlapping
// periods" (per subject: the commitment of an `expiring` gap, the funder of a `funder_limit` one).
// The exclusion constraint that did so kept a GiST index over every open gap, which cost a first
// scan more than all its other writes together (bench/README.md, "Gap write floor"). Instead, a
// statement-level trigger checks the rows an INSERT or UPDATE leaves open against the other open
// gaps of their initiatives, through the btree index on (initiative_id, period_start) of open gaps,
// after taking those initiatives' row locks (the lock a scan batch and a rescan hold already): two
// transactions that write open gaps of one initiative take turns, and the second checks against
// what the first committed (READ COMMITTED, as Vangnet runs). The error is the one the constraint
// raised: SQLSTATE 23P01, constraint gaps_no_overlapping_open.
const FUNCTION = `
CREATE FUNCTION gaps_refuse_overlapping_open() RETURNS trigger
LANGUAGE plpgsql
-- one index probe per written gap, whatever the planner's statistics say
SET enable_seqscan = off
AS $$
DECLARE
  clash record;
BEGIN
  PERFORM 1 FROM initiatives i
  WHERE i.id IN (SELECT DISTINCT c.initiative_id FROM changed c WHERE c.resolved_at IS NULL)
  ORDER BY i.id
  FOR NO KEY UPDATE;
  SELECT c.id AS gap, o.id AS other, c.initiative_id, c.kind INTO clash
  FROM changed c
  CROSS JOIN LATERAL (
    SELECT g.id FROM gaps g
    WHERE g.initiative_id = c.initiative_id AND g.resolved_at IS NULL
      AND g.kind = c.kind AND g.subject_id = c.subject_id AND g.id <> c.id
      AND g.period_start <= c.period_end AND g.period_end >= c.period_start
    LIMIT 1
  ) o
  WHERE c.resolved_at IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'open gap % of initiative % overlaps open gap % of the same kind (%)', clash.gap, clash.initiative_id, clash.other, clash.kind
      USING ERRCODE = '23P01', CONSTRAINT = 'gaps_no_overlapping_open', TABLE = 'gaps';
  END IF;
  RETURN NULL;
END
$$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE gaps DROP CONSTRAINT gaps_no_overlapping_open');
  await knex.raw(FUNCTION);
  for (const event of ['INSERT', 'UPDATE']) {
    await knex.raw(
      `CREATE TRIGGER gaps_no_overlapping_open_${event.toLowerCase()} AFTER ${event} ON gaps
       REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION gaps_refuse_overlapping_open()`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const event of ['insert', 'update']) await knex.raw(`DROP TRIGGER gaps_no_overlapping_open_${event} ON gaps`);
  await knex.raw('DROP FUNCTION gaps_refuse_overlapping_open()');
  await knex.raw(`
    ALTER TABLE gaps ADD CONSTRAINT gaps_no_overlapping_open
    EXCLUDE USING gist (
      initiative_id WITH =, kind WITH =, subject_id WITH =,
      daterange(period_start, period_end, '[]') WITH &&
    ) WHERE (resolved_at IS NULL)
    DEFERRABLE INITIALLY DEFERRED`);
}
