// How a page prints (design/interop.md: a printable page per initiative, and the dashboards), so
// it can go to a meeting as a PDF through the browser's print: A4, no app bar, menu or buttons,
// sections kept whole with the page breaks between them, charts at the page's width and in colour.
// A4 is 210 mm wide; less the margins, 186 mm is what a chart may take.
const PRINTED_WIDTH = '186mm';

export const printStyles = {
  '@page': { size: 'A4', margin: '14mm 12mm' },
  // Set by the Print button while the charts redraw at the printed width (common/PrintButton.tsx).
  'html.vangnet-printing .RaLayout-content': { flex: 'none', width: PRINTED_WIDTH, maxWidth: PRINTED_WIDTH },
  '@media print': {
    'html, body': { background: '#fff !important' },
    // The frame of the console: app bar, menu, sidebar, toolbars and every button.
    '.MuiAppBar-root, .RaAppBar-root, .RaSidebar-root, .MuiDrawer-root, .RaMenu-root, .RaSidebar-fixed, .RaTopToolbar-root, .MuiToolbar-root.RaListToolbar-root, .MuiFab-root, .MuiButtonBase-root.MuiButton-root, .MuiIconButton-root, .MuiTablePagination-root, .no-print':
      { display: 'none !important' },
    '.RaLayout-appFrame': { marginTop: '0 !important' },
    '.RaLayout-content, main': { padding: '0 !important', margin: '0 !important', width: '100% !important', maxWidth: 'none !important' },
    // A section is one card: never cut through one; the page breaks fall between them.
    '.MuiCard-root': { breakInside: 'avoid', pageBreakInside: 'avoid', boxShadow: 'none !important', border: '1px solid #bbb', marginBottom: '6mm' },
    'h1, h2, h3': { breakAfter: 'avoid', pageBreakAfter: 'avoid' },
    '[data-print-break="before"]': { breakBefore: 'page', pageBreakBefore: 'always' },
    // Wide tables and charts print whole rather than in a scrolled box; charts keep their colours
    // (their width is the printed page's when printed with the Print button: common/PrintButton.tsx).
    '[role="region"], .MuiTableContainer-root': { overflow: 'visible !important' },
    '.recharts-wrapper': { breakInside: 'avoid' },
    '*': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
    a: { color: 'inherit', textDecoration: 'none' },
  },
} as const;
