// "Print": the browser's print of the page, which the print stylesheet (layout/printStyles.ts)
// lays out on A4 without the console's frame, so it can be saved as a PDF for a meeting. The
// charts size themselves to their box as it is on screen; so the page is first narrowed to the
// printed width and given a moment to redraw them, then printed, then widened again.
import PrintIcon from '@mui/icons-material/Print';
import { Button } from 'react-admin';

/** The class that narrows the page to A4's printable width (printStyles.ts). */
export const PRINTING_CLASS = 'vangnet-printing';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

export async function printPage(): Promise<void> {
  const root = document.documentElement;
  root.classList.add(PRINTING_CLASS);
  try {
    await nextFrame();
    await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 250));
    window.print();
  } finally {
    root.classList.remove(PRINTING_CLASS);
  }
}

export function PrintButton() {
  return (
    <Button label="vangnet.export.print" onClick={() => void printPage()} data-testid="print-button">
      <PrintIcon />
    </Button>
  );
}
