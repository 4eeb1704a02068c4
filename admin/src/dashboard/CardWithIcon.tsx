// A key figure: an icon, what it counts, the number, and a link to the records behind it.
import { Box, Card, Divider, Skeleton, Typography } from '@mui/material';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-admin';

interface Props {
  to: string;
  icon: ComponentType;
  title: string;
  value: ReactNode;
  subtitle?: ReactNode;
  loading?: boolean;
  testId: string;
}

export function CardWithIcon({ to, icon: Icon, title, value, subtitle, loading, testId }: Props) {
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }} data-testid={testId}>
      <Link to={to} underline="none" color="inherit" sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', p: 2, gap: 2 }}>
          <Box sx={{ color: 'primary.main', '& svg': { fontSize: 48 } }}>
            <Icon />
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            <Typography color="text.secondary" variant="body2">
              {title}
            </Typography>
            <Typography variant="h5" component="p" data-testid="key-figure-value">
              {loading ? <Skeleton width={80} sx={{ ml: 'auto' }} /> : value}
            </Typography>
          </Box>
        </Box>
      </Link>
      {subtitle ? (
        <>
          <Divider />
          <Typography variant="caption" color="text.secondary" sx={{ px: 2, py: 1 }}>
            {subtitle}
          </Typography>
        </>
      ) : null}
    </Card>
  );
}
