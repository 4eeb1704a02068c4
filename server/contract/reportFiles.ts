// design/reporting.md: a report's attachments. Uploaded with `POST /api/reports/{id}/files`
// (multipart, field `file`), downloaded with `GET /api/report-files/{id}/content`.
import { REPORT_FILE_TYPES } from '../domain/enums.js';
import { field, readOnlyContract, type RecordOf } from './resource.js';

export const reportFiles = readOnlyContract({
  name: 'report-files',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    reportId: field.id({ sortable: true, filterable: true }),
    fileName: field.text({ sortable: true, filterable: true }),
    contentType: field.enum(REPORT_FILE_TYPES, { sortable: true, filterable: true }),
    sizeBytes: field.int({ sortable: true, filterable: true }),
    createdAt: field.timestamp({ sortable: true, filterable: true }),
  },
  search: ['fileName'],
  defaultSort: ['fileName', 'ASC'],
});

export type ReportFile = RecordOf<typeof reportFiles>;
