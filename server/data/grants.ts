// The commitments a 360Giving export is made of, each with its initiative, funder and received
// tranches, read from a database cursor in id order.
import type { Knex } from 'knex';
import type { CommitmentKind } from '../domain/enums.js';
import { COMMITTED_STATUSES } from '../domain/enums.js';
import type { GrantSource } from '../interop/threeSixtyGiving.js';

interface GrantRow {
  id: number;
  title: string;
  reference: string | null;
  condition_note: string | null;
  kind: CommitmentKind;
  programme: string | null;
  start_date: string;
  end_date: string;
  decision_date: string | null;
  amount_cents: number;
  updated_at: Date;
  initiative_id: number;
  initiative_name: string;
  kvk_number: string | null;
  municipality: string;
  municipality_code: string | null;
  funder_id: number;
  funder_name: string;
  org_id: string | null;
  received: { id: number; receivedOn: string | null; amountCents: number }[];
}

/**
 * The committed and completed commitments among `visible` (a subquery of commitment ids) whose
 * period overlaps `from`..`to` (either end open when null).
 */
export async function* grantSources(db: Knex, visible: Knex.QueryBuilder, from: string | null, to: string | null): AsyncIterable<GrantSource> {
  const q = db('commitments as c')
    .join('initiatives as i', 'i.id', 'c.initiative_id')
    .join('funders as f', 'f.id', 'c.funder_id')
    .whereIn('c.status', COMMITTED_STATUSES)
    .whereIn('c.id', visible)
    .select(
      'c.id',
      'c.title',
      'c.reference',
      'c.condition_note',
      'c.kind',
      'c.programme',
      'c.start_date',
      'c.end_date',
      'c.decision_date',
      'c.amount_cents',
      'c.updated_at',
      'c.initiative_id',
      'i.name as initiative_name',
      'i.kvk_number',
      'i.municipality',
      'i.municipality_code',
      'c.funder_id',
      'f.name as funder_name',
      'f.org_id',
      db.raw(`coalesce((SELECT json_agg(json_build_object('id', t.id, 'receivedOn', t.received_on, 'amountCents', t.amount_cents) ORDER BY t.received_on NULLS LAST, t.id)
        FROM tranches t WHERE t.commitment_id = c.id AND t.status = 'received'), '[]'::json) AS received`),
    )
    .orderBy('c.id');
  if (from) q.where('c.end_date', '>=', from);
  if (to) q.where('c.start_date', '<=', to);
  for await (const r of q.stream({ batchSize: 500 }) as unknown as AsyncIterable<GrantRow>) {
    yield {
      commitment: {
        id: r.id,
        title: r.title,
        reference: r.reference,
        conditionNote: r.condition_note,
        kind: r.kind,
        programme: r.programme,
        startDate: r.start_date,
        endDate: r.end_date,
        decisionDate: r.decision_date,
        amountCents: r.amount_cents,
        updatedAt: r.updated_at.toISOString(),
      },
      initiative: { id: r.initiative_id, name: r.initiative_name, kvkNumber: r.kvk_number, municipality: r.municipality, municipalityCode: r.municipality_code },
      funder: { id: r.funder_id, name: r.funder_name, orgId: r.org_id },
      receivedTranches: r.received,
    };
  }
}
