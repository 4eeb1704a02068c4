// `obligation.due_soon` and `obligation.overdue` (design/reporting.md, "Figures"): recorded by the
// scan batch for its initiatives at the scan's `asOf`, in the batch's transaction, once per
// obligation and due date (the due date is the event's cause: a moved due date is told anew).
import type { Knex } from 'knex';
import { addDays, toEpochDay } from '../domain/dates.js';
import type { ObligationKind, ObligationStatus } from '../domain/enums.js';
import { DUE_SOON_DAYS, obligationAlert } from '../domain/obligationSchedule.js';
import type { IsoDate } from '../domain/types.js';
import { recordEvents, type NewEvent } from './events.js';

interface OwedRow {
  id: number;
  kind: ObligationKind;
  title: string;
  due_on: string;
  status: ObligationStatus;
  initiative_id: number;
  initiative_name: string;
  funder_id: number;
  funder_name: string;
}

/** Records the alerts of the obligations of these initiatives at `asOf`; answers how many were new. */
export async function recordObligationEvents(trx: Knex.Transaction, initiativeIds: readonly number[], asOf: IsoDate): Promise<number> {
  if (!initiativeIds.length) return 0;
  const rows = await trx('obligations as o')
    .join('commitments as c', 'c.id', 'o.commitment_id')
    .join('initiatives as i', 'i.id', 'c.initiative_id')
    .join('funders as f', 'f.id', 'c.funder_id')
    .whereIn('c.initiative_id', initiativeIds)
    // The batch's id range as well: an index condition on the initiatives (with the list on the
    // commitments alone the planner read every initiative, 38 ms a batch at 100k against 6).
    .whereBetween('i.id', [Math.min(...initiativeIds), Math.max(...initiativeIds)])
    .where('i.status', 'active')
    .whereIn('o.status', ['open', 'rejected'])
    .where('o.due_on', '<=', addDays(asOf, DUE_SOON_DAYS))
    .select<OwedRow[]>('o.id', 'o.kind', 'o.title', 'o.due_on', 'o.status', 'c.initiative_id', 'i.name as initiative_name', 'c.funder_id', 'f.name as funder_name');
  const events = rows.flatMap((o): NewEvent[] => {
    const alert = obligationAlert(o.status, o.due_on, asOf);
    if (!alert) return [];
    const id = Number(o.id);
    const data = { initiativeName: o.initiative_name, funderName: o.funder_name, obligationId: id, kind: o.kind, title: o.title, dueOn: o.due_on };
    return [
      {
        type: alert === 'overdue' ? 'obligation.overdue' : 'obligation.due_soon',
        subjectType: 'obligation',
        subjectId: id,
        cause: o.due_on,
        initiativeId: o.initiative_id,
        funderIds: [o.funder_id],
        admins: alert === 'overdue',
        data: alert === 'overdue' ? { ...data, daysOverdue: toEpochDay(asOf) - toEpochDay(o.due_on) } : data,
      },
    ];
  });
  return (await recordEvents(trx, events)).length;
}
