// "Print": the browser's print of the page, which the print stylesheet (layout/printStyles.ts)
// lays out on A4 without the console's frame, so it can be saved as a PDF for a meeting.
import PrintIcon from '@mui/icons-material/Print';
import { Button } from 'react-admin';

export function PrintButton() {
  return (
    <Button label="vangnet.export.print" onClick={() => window.print()} data-testid="print-button">
      <PrintIcon />
    </Button>
  );
}
