// "+ 2 eerdere": the older part of a list, folded away until asked for, and folded back again.
import { Box, Button } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export function Folded({ count, children }: { count: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const translate = useTranslate();
  if (count === 0) return null;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls={id}
        data-testid="cofunding-more"
        sx={{ alignSelf: 'flex-start', minWidth: 0, px: 0.5, textTransform: 'none' }}
      >
        {open ? translate('vangnet.cofunding.hide_earlier') : translate('vangnet.cofunding.earlier', { smart_count: count })}
      </Button>
      <Box id={id} hidden={!open}>
        {children}
      </Box>
    </>
  );
}
