// "Importeren": download the template, upload a file, read the preview per sheet and row (errors
// highlighted with their column and reason), apply it (optionally skipping the rows with errors)
// and open what was created. Large files run as a job: the page follows its progress.
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Link, Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import type { ErrorBody } from '../../../server/contract/errorCodes';
import { IMPORT_COLUMNS, IMPORT_SHEETS, SHEETS_BY_ROLE, type CellIssue, type ImportRecord, type ImportSheet, type PreviewRow } from '../../../server/contract/imports';
import type { Role } from '../api/types';
import { localizeMessage, translateCode } from '../api/serverMessages';
import { getToken } from '../authProvider';
import { EnumChip, enumLabel } from '../common/enums';
import { ScrollArea } from '../common/ScrollArea';
import { API_URL } from '../dataProvider';
import { formatDate } from '../format/dates';
import { formatEuro } from '../format/money';

const POLL_MS = 700;

/** Records with a page of their own in the console, to link to after applying. */
const SHOWN: readonly ImportSheet[] = ['funders', 'initiatives', 'commitments', 'obligations'];

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${getToken() ?? ''}`);
  const res = await fetch(`${API_URL}${path}`, { ...init, headers });
  const body = (await res.json().catch(() => ({}))) as T & Partial<ErrorBody>;
  if (!res.ok) {
    const field = body.codes?.file;
    throw new Error(field ? translateCode(field.code, field.params, body.errors?.file ?? '') : localizeMessage(body, res.statusText));
  }
  return body;
}

async function downloadTemplate(): Promise<void> {
  const res = await fetch(`${API_URL}/imports/template.xlsx`, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'vangnet-import.xlsx';
  a.click();
  URL.revokeObjectURL(url);
}

function IssueText({ issue, sheet }: { issue: CellIssue; sheet: ImportSheet }) {
  const translate = useTranslate();
  const reasonText = translateCode(issue.code, issue.params, issue.text, sheet);
  return <>{translate('vangnet.imports.error', { column: issue.column, reason: reasonText })}</>;
}

/** A changed value as the console shows it elsewhere: euros, dates, labels. */
function useShowValue(sheet: ImportSheet): (field: string, value: unknown) => string {
  const translate = useTranslate();
  const locale = useLocaleState()[0];
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '—';
    const labels = IMPORT_COLUMNS[sheet].find((c) => c.field === field)?.labels;
    if (labels) return (Array.isArray(value) ? value : [value]).map((v) => translate(enumLabel(labels, String(v)), { _: String(v) })).join(', ');
    if (typeof value === 'number' && field.endsWith('Cents')) return formatEuro(value, locale);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    return String(value);
  };
}

function RowDetails({ row }: { row: PreviewRow }) {
  const translate = useTranslate();
  const show = useShowValue(row.sheet);
  if (row.errors.length) {
    return (
      <Stack component="ul" sx={{ m: 0, pl: 2 }}>
        {row.errors.map((issue) => (
          <Typography component="li" variant="body2" color="error" key={issue.column}>
            <IssueText issue={issue} sheet={row.sheet} />
          </Typography>
        ))}
      </Stack>
    );
  }
  const changes = Object.entries(row.changes);
  return (
    <>
      {changes.map(([field, change]) => (
        <Typography variant="body2" key={field}>
          {translate('vangnet.imports.change', {
            field: translate(`resources.${row.sheet}.fields.${field}`, { _: field }),
            from: show(field, change.from),
            to: show(field, change.to),
          })}
        </Typography>
      ))}
    </>
  );
}

function SheetTable({ sheet, rows, applied }: { sheet: ImportSheet; rows: PreviewRow[]; applied: boolean }) {
  const translate = useTranslate();
  const id = `import-sheet-${sheet}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" id={id}>
        {translate(`resources.${sheet}.name`, { smart_count: 2 })}
      </Typography>
      <ScrollArea labelledBy={id}>
        <Table size="small" data-testid={`import-table-${sheet}`}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('vangnet.imports.row')}</TableCell>
              <TableCell>{translate('vangnet.imports.action')}</TableCell>
              <TableCell>{translate('vangnet.imports.key')}</TableCell>
              <TableCell>{translate('vangnet.imports.details')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.row} data-action={row.action} sx={row.action === 'error' ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : undefined}>
                <TableCell>{row.row}</TableCell>
                <TableCell>
                  <EnumChip name="importAction" value={row.action} />
                </TableCell>
                <TableCell>
                  {applied && row.recordId !== null && SHOWN.includes(sheet) ? <Link to={`/${sheet}/${row.recordId}/show`}>{row.key || translate('vangnet.imports.open_record')}</Link> : row.key}
                </TableCell>
                <TableCell>
                  <RowDetails row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollArea>
    </Box>
  );
}

function Progress({ record }: { record: ImportRecord }) {
  const translate = useTranslate();
  const key = record.status === 'applying' ? 'vangnet.imports.applying' : 'vangnet.imports.previewing';
  const value = record.total ? (100 * record.progress) / record.total : 0;
  return (
    <Box role="status">
      <Typography variant="body2">{translate(key, { done: record.progress, total: record.total })}</Typography>
      <LinearProgress variant={record.total ? 'determinate' : 'indeterminate'} value={value} aria-label={translate(key, { done: record.progress, total: record.total })} />
    </Box>
  );
}

function Preview({ record, onChange }: { record: ImportRecord; onChange: (r: ImportRecord) => void }) {
  const translate = useTranslate();
  const [skipErrors, setSkipErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counts = record.counts ?? { create: 0, update: 0, unchanged: 0, error: 0 };
  const applied = record.status === 'applied';
  const canApply = record.status === 'previewed' && counts.create + counts.update > 0 && (counts.error === 0 || skipErrors);
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await call<ImportRecord>(`/imports/${record.id}/apply`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ skipErrors }) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const sheets = IMPORT_SHEETS.filter((s) => record.rows?.some((r) => r.sheet === s));
  return (
    <Stack spacing={2}>
      {applied ? (
        <Alert severity="success" data-testid="import-applied">
          {translate('vangnet.imports.applied', counts)}
        </Alert>
      ) : (
        <Alert severity={counts.error ? 'warning' : 'info'} data-testid="import-counts">
          {translate('vangnet.imports.counts', counts)}
        </Alert>
      )}
      {record.error && !applied ? <Alert severity="error">{translate('vangnet.imports.failed', { error: record.error })}</Alert> : null}
      {error ? <Alert severity="error">{translate('vangnet.imports.failed', { error })}</Alert> : null}
      {record.warnings.length ? (
        <Alert severity="info">
          <strong>{translate('vangnet.imports.warnings')}</strong>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {record.warnings.map((w) => (
              <li key={`${w.sheet}-${w.column}`}>
                {translate(w.column ? 'vangnet.imports.warning' : 'vangnet.imports.sheet_warning', {
                  sheet: translate(`resources.${w.sheet}.name`, { smart_count: 2, _: w.sheet }),
                  column: w.column,
                  reason: translateCode(w.code, w.params, w.text),
                })}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      {record.status === 'previewing' || record.status === 'applying' ? <Progress record={record} /> : null}
      {sheets.map((sheet) => (
        <SheetTable key={sheet} sheet={sheet} rows={record.rows!.filter((r) => r.sheet === sheet)} applied={applied} />
      ))}
      {record.status === 'previewed' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
          {counts.error ? (
            <FormControlLabel control={<Checkbox checked={skipErrors} onChange={(e) => setSkipErrors(e.target.checked)} />} label={translate('vangnet.imports.skip_errors')} />
          ) : null}
          <Button variant="contained" onClick={apply} disabled={!canApply || busy} data-testid="import-apply">
            {translate('vangnet.imports.apply')}
          </Button>
          {counts.create + counts.update === 0 ? <Typography variant="body2">{translate('vangnet.imports.nothing_to_do')}</Typography> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The user's earlier imports (an admin's: everyone's), to reopen one, such as a job still running. */
function EarlierImports({ current, onOpen }: { current: ImportRecord | null; onOpen: (id: number) => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [imports, setImports] = useState<ImportRecord[]>([]);
  useEffect(() => {
    void call<ImportRecord[]>('/imports').then(setImports, () => undefined);
  }, [current?.id, current?.status]);
  const others = imports.filter((i) => i.id !== current?.id).slice(0, 10);
  if (!others.length) return null;
  return (
    <Box component="section" aria-labelledby="import-earlier">
      <Typography variant="h6" component="h2" id="import-earlier">
        {translate('vangnet.imports.earlier')}
      </Typography>
      <ScrollArea labelledBy="import-earlier">
        <Table size="small">
          <TableBody>
            {others.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <Button size="small" onClick={() => onOpen(i.id)} sx={{ textTransform: 'none' }}>
                    {i.fileName}
                  </Button>
                </TableCell>
                <TableCell>{translate(`vangnet.imports.status.${i.status}`)}</TableCell>
                <TableCell>{i.counts ? translate('vangnet.imports.counts', i.counts) : null}</TableCell>
                <TableCell>{formatDate(i.createdAt.slice(0, 10), locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollArea>
    </Box>
  );
}

export function ImportPage() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const input = useRef<HTMLInputElement>(null);
  const [record, setRecord] = useState<ImportRecord | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A job previews or applies a large file: follow it until it is done.
  const running = record?.status === 'previewing' || record?.status === 'applying';
  useEffect(() => {
    if (!running || !record) return;
    const timer = setInterval(() => {
      void call<ImportRecord>(`/imports/${record.id}`).then(setRecord, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, record]);

  const uploadFile = async (file: File) => {
    setReading(true);
    setError(null);
    setRecord(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setRecord(await call<ImportRecord>('/imports', { method: 'POST', body: form }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };

  const sheets = (permissions ? SHEETS_BY_ROLE[permissions] : []).map((s) => translate(`resources.${s}.name`, { smart_count: 2 })).join(', ');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('vangnet.imports.title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h5" component="h1">
            {translate('vangnet.imports.title')}
          </Typography>
          <Typography variant="body2">{translate('vangnet.imports.intro')}</Typography>
          {permissions ? <Typography variant="body2">{translate('vangnet.imports.may_import', { sheets })}</Typography> : null}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void downloadTemplate()} data-testid="import-template">
              {translate('vangnet.imports.template')}
            </Button>
            <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={reading} aria-describedby="import-file-help">
              {record ? translate('vangnet.imports.another') : translate('vangnet.imports.choose_file')}
            </Button>
            <input
              ref={input}
              type="file"
              hidden
              accept=".xlsx,.csv,.json"
              data-testid="import-file"
              aria-label={translate('vangnet.imports.choose_file')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void uploadFile(file);
              }}
            />
          </Stack>
          <Typography variant="caption" id="import-file-help">
            {translate('vangnet.imports.file_help')}
          </Typography>
          {reading ? (
            <Box role="status">
              <Typography variant="body2">{translate('vangnet.imports.reading')}</Typography>
              <LinearProgress aria-label={translate('vangnet.imports.reading')} />
            </Box>
          ) : null}
          {error ? (
            <Alert severity="error" data-testid="import-error">
              {error}
            </Alert>
          ) : null}
          {record ? <Preview record={record} onChange={setRecord} /> : null}
          <EarlierImports current={record} onOpen={(id) => void call<ImportRecord>(`/imports/${id}`).then(setRecord, (e: Error) => setError(e.message))} />
        </Stack>
      </CardContent>
    </Card>
  );
}
