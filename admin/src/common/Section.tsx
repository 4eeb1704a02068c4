// A titled card: the building block of the show pages and dashboards. Its content scrolls
// sideways inside the card when it is wider than a phone.
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { ScrollArea } from './ScrollArea';

/**
 * On phones and tablets react-admin turns a create button into a button floating over the page;
 * in a card's header it stays in its place, small, so it covers nothing.
 */
const inlineCreateButton = {
  '& .MuiFab-root.RaCreateButton-floating': { position: 'static', zIndex: 'auto', flexShrink: 0, width: 40, height: 40, minHeight: 40 },
};

export function Section({ title, action, children, testId }: { title: ReactNode; action?: ReactNode; children: ReactNode; testId?: string }) {
  const titleId = useId();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Stack direction="row" alignItems="center" justifyContent="space-between" spacing={1} sx={{ mb: 1, ...inlineCreateButton }}>
          <Typography variant="h6" component="h2" id={titleId} sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {title}
          </Typography>
          {action}
        </Stack>
        <ScrollArea labelledBy={titleId}>{children}</ScrollArea>
      </CardContent>
    </Card>
  );
}
