import { reports as contract } from '../contract/reports.js';
import { defineResource } from './resource.js';

/** The funders a report is for: those whose obligations it answers. SQL with one `?` for the funder, over `reportIdSql`. */
export const answersFunder = (reportIdSql: string): string =>
  `EXISTS (SELECT 1 FROM report_obligations ro JOIN obligations o ON o.id = ro.obligation_id JOIN commitments c ON c.id = o.commitment_id WHERE ro.report_id = ${reportIdSql} AND c.funder_id = ?)`;

/**
 * An initiative submits its own reports (`POST /api/reports`, services/reporting.ts) and edits
 * them; a funder reads a report only when it answers at least one obligation of its own; admins
 * all. Reports are never deleted: they are what was sent.
 */
export const reports = defineResource(contract, {
  computed: {
    obligationIds: "(SELECT coalesce(json_agg(ro.obligation_id ORDER BY ro.obligation_id), '[]'::json) FROM report_obligations ro WHERE ro.report_id = reports.id)",
    fileCount: '(SELECT count(*)::int FROM report_files f WHERE f.report_id = reports.id)',
  },
  access: { read: ['admin', 'funder', 'initiative'], write: { create: ['admin', 'initiative'], update: ['admin', 'initiative'] } },
  references: { initiativeId: 'initiatives' },
  initiativeSql: 'reports.initiative_id',
  funderScope: answersFunder('reports.id'),
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: null }),
});
