// The Export buttons: each asks the API for the file (design/interop.md, "Exports people can use")
// — Excel with a click, CSV from the arrow beside it — with what the page shows: a list's filter and sort,
// a figure's own parameters, and the console's language.
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { IconButton, Menu, MenuItem, Stack } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { Button, CreateButton, FilterButton, TopToolbar, useFilterContext, useListContext, useLocaleState, useNotify, useResourceDefinition, useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';

type Query = Record<string, string | number | undefined>;

const FORMATS = ['xlsx', 'csv'] as const;

/** Downloads a file of the API in the console's language; a failure is a notification. */
function useDownload(path: string, query: Query | (() => Promise<Query>)) {
  const translate = useTranslate();
  const notify = useNotify();
  const dp = useVangnetData();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const start = async (format?: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      const extra = typeof query === 'function' ? await query() : query;
      await dp.download(path, { ...extra, format, lang: locale === 'en' ? 'en' : 'nl' });
    } catch (error) {
      notify(error instanceof Error ? error.message : translate('vangnet.export.failed'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, start };
}

/** A button that downloads one file (the initiative overview workbook). */
export function DownloadButton({ path, label, query = {} }: { path: string; label: string; query?: Query }) {
  const { busy, start } = useDownload(path, query);
  return (
    <Button label={label} disabled={busy} onClick={() => void start()} data-testid="download-button">
      <DownloadIcon />
    </Button>
  );
}

/**
 * An Export button: a click downloads Excel; the arrow beside it offers the formats (CSV). `query`
 * may be computed when the user chooses.
 */
export function ExportMenu({ path, query = {} }: { path: string; query?: Query | (() => Promise<Query>) }) {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { busy, start } = useDownload(path, query);
  return (
    <Stack direction="row" alignItems="center">
      <Button label="vangnet.export.button" disabled={busy} onClick={() => void start('xlsx')} data-testid="export-button">
        <DownloadIcon />
      </Button>
      <IconButton
        size="small"
        color="primary"
        sx={{ p: 0.25 }}
        disabled={busy}
        aria-label={translate('vangnet.export.formats')}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
        data-testid="export-formats"
      >
        <ArrowDropDownIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {FORMATS.map((format) => (
          <MenuItem
            key={format}
            onClick={() => {
              setAnchor(null);
              void start(format);
            }}
            data-testid={`export-${format}`}
          >
            {translate(`vangnet.export.${format}`)}
          </MenuItem>
        ))}
      </Menu>
    </Stack>
  );
}

/** Where a list's export lives: the risk list is a figure, the rest are resources. */
const exportPath = (resource: string) => (resource === 'risk' ? '/stats/risk/export' : `/${resource}/export`);

/** The Export button of a list: every record with the list's current filter and sort. */
export function ListExportButton() {
  const { resource, filterValues, sort } = useListContext();
  const dp = useVangnetData();
  const query = async (): Promise<Query> => ({
    filter: JSON.stringify(await dp.apiFilter(resource, (filterValues ?? {}) as Record<string, unknown>)),
    sort: JSON.stringify([sort.field, sort.order]),
  });
  return <ExportMenu path={exportPath(resource)} query={query} />;
}

/** A list's actions as react-admin's default, with the server's export for its own. */
export function ListActions() {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      <ListExportButton />
    </TopToolbar>
  );
}
