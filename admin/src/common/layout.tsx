// Pieces of the show pages: labelled values in a responsive grid, and the edit button on top.
import { Grid } from '@mui/material';
import type { ReactElement } from 'react';
import { EditButton, Labeled, TopToolbar } from 'react-admin';

/** A value with its field label, a quarter of the width on a laptop, half on a tablet. */
export function FieldCell({ source, children, wide = false }: { source: string; children: ReactElement; wide?: boolean }) {
  return (
    <Grid size={wide ? { xs: 12, md: 6 } : { xs: 6, md: 3 }}>
      <Labeled source={source}>{children}</Labeled>
    </Grid>
  );
}

/** The show page's actions: edit, when the user may (EditButton asks canAccess). */
export function ShowActions() {
  return (
    <TopToolbar>
      <EditButton />
    </TopToolbar>
  );
}
