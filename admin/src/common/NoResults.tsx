// What a list shows when nothing matches. react-admin's own offers "clear filters" whenever the
// filter object has a key, even one the user never set (a list's default such as "open gaps
// only", or a value they emptied); this one only when a filter of the user's own is in force, and
// clearing goes back to the list's defaults.
import { CardContent, Typography } from '@mui/material';
import { Button, useGetResourceLabel, useListContext, useLocaleState, useResourceContext, useTranslate } from 'react-admin';

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

export function NoResults({ defaults = {} }: { defaults?: Record<string, unknown> }) {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const getResourceLabel = useGetResourceLabel();
  const { filterValues, setFilters } = useListContext();
  const [locale] = useLocaleState();
  // Inside a sentence: "Geen financieringsgaten gevonden", not "Geen Financieringsgaten".
  const name = getResourceLabel(resource, 0).toLocaleLowerCase(locale);
  const chosen = Object.entries(filterValues ?? {}).filter(([key, value]) => isSet(value) && JSON.stringify(value) !== JSON.stringify(defaults[key]));
  return (
    <CardContent>
      <Typography variant="body2" data-testid="no-results">
        {chosen.length && setFilters ? (
          <>
            {translate('ra.navigation.no_filtered_results', { name, _: 'No results found with the current filters.' })}{' '}
            <Button onClick={() => setFilters(defaults, {})} label="ra.navigation.clear_filters" />
          </>
        ) : (
          translate('ra.navigation.no_results', { name, _: 'No results found.' })
        )}
      </Typography>
    </CardContent>
  );
}
