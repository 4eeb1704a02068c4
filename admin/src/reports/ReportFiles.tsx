// A report's attachments, each downloaded as a file under the report's access rule.
import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { DataTable, ReferenceManyField, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ReportFile } from '../api/types';
import { useVangnetData } from '../api/queries';
import { TimestampField } from '../common/fields';
import { Empty } from '../common/states';

function DownloadFile() {
  const file = useRecordContext<ReportFile>();
  const dp = useVangnetData();
  const notify = useNotify();
  const translate = useTranslate();
  if (!file) return null;
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      aria-label={translate('vangnet.reporting.download', { name: file.fileName })}
      onClick={() => dp.download(`/report-files/${file.id}/content`, {}).catch((e: unknown) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }))}
    >
      {translate('vangnet.reporting.download_short')}
    </Button>
  );
}

export function ReportFiles() {
  return (
    <ReferenceManyField reference="report-files" target="reportId" sort={{ field: 'fileName', order: 'ASC' }} perPage={50} empty={<Empty message="vangnet.reporting.no_files" />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="fileName" />
        <DataTable.Col source="sizeBytes" align="right" />
        <DataTable.Col source="createdAt" field={TimestampField} />
        <DataTable.Col label="vangnet.reporting.download_short" disableSort>
          <DownloadFile />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}
