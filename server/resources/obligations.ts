import { obligations as contract } from '../contract/obligations.js';
import { ANY_ROLE, defineResource, initiativesOf, writesBy } from './resource.js';

// Mirrors domain/obligationSchedule.ts `lateness`: owed (open or rejected) and due before today,
// today being the calendar date in the Netherlands (services/clock.ts).
const TODAY = "(now() AT TIME ZONE 'Europe/Amsterdam')::date";
const OVERDUE = `(obligations.status IN ('open', 'rejected') AND obligations.due_on < ${TODAY})`;

/**
 * A funder reads and writes the obligations of its own commitments only (not those other funders
 * ask of the same initiative); an initiative reads its own; admins all. The status changes only by
 * a submitted report and the funder's accept, reject and waive (services/reporting.ts).
 */
export const obligations = defineResource(contract, {
  computed: {
    initiativeId: '(SELECT c.initiative_id FROM commitments c WHERE c.id = obligations.commitment_id)',
    funderId: '(SELECT c.funder_id FROM commitments c WHERE c.id = obligations.commitment_id)',
    overdue: OVERDUE,
    daysOverdue: `(CASE WHEN ${OVERDUE} THEN ${TODAY} - obligations.due_on ELSE 0 END)`,
  },
  access: { read: ANY_ROLE, write: writesBy(['admin', 'funder']) },
  references: { commitmentId: 'commitments' },
  initiativeSql: '(SELECT c.initiative_id FROM commitments c WHERE c.id = obligations.commitment_id)',
  funderScope: 'EXISTS (SELECT 1 FROM commitments c WHERE c.id = obligations.commitment_id AND c.funder_id = ?)',
  tenantOf: async (trx, r) => {
    const c = r.commitmentId === undefined ? undefined : await trx('commitments').where({ id: r.commitmentId }).first<{ initiative_id: number; funder_id: number } | undefined>('initiative_id', 'funder_id');
    return c ? { initiativeId: c.initiative_id, funderId: c.funder_id } : null;
  },
  // The reporting burden the scans keep (README "Kept figures") counts its initiative's obligations.
  staleInitiatives: async (_trx, before, after) => initiativesOf(before, after),
});
