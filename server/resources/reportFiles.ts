import { reportFiles as contract } from '../contract/reportFiles.js';
import { answersFunder } from './reports.js';
import { ANY_ROLE, defineResource } from './resource.js';

/** A report's files, under the report's access rule; uploaded and downloaded by services/reporting.ts. */
export const reportFiles = defineResource(contract, {
  access: { read: ANY_ROLE, write: {} },
  initiativeSql: '(SELECT r.initiative_id FROM reports r WHERE r.id = report_files.report_id)',
  funderScope: answersFunder('report_files.report_id'),
});
