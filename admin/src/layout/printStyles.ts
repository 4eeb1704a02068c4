// How a page prints (design/interop.md: a printable page per initiative, and the dashboards), so
// it can go to a meeting as a PDF through the browser's print: A4, no app bar, menu or buttons,
// sections kept whole with the page breaks between them, charts at the page's width and in colour.
export const printStyles = {
  '@page': { size: 'A4', margin: '14mm 12mm' },
  '@media print': {
    'html, body': { background: '#fff !important' },
    // The frame of the console: app bar, menu, sidebar, toolbars and every button.
    '.MuiAppBar-root, .RaAppBar-root, .RaSidebar-root, .RaMenu-root, .RaSidebar-fixed, .RaTopToolbar-root, .MuiToolbar-root.RaListToolbar-root, .MuiFab-root, .MuiButtonBase-root.MuiButton-root, .MuiIconButton-root, .MuiTablePagination-root, .no-print':
      { display: 'none !important' },
    '.RaLayout-appFrame': { marginTop: '0 !important' },
    '.RaLayout-content, main': { padding: '0 !important', margin: '0 !important', width: '100% !important', maxWidth: 'none !important' },
    // A section is one card: never cut through one; the page breaks fall between them.
    '.MuiCard-root': { breakInside: 'avoid', pageBreakInside: 'avoid', boxShadow: 'none !important', border: '1px solid #bbb', marginBottom: '6mm' },
    'h1, h2, h3': { breakAfter: 'avoid', pageBreakAfter: 'avoid' },
    '[data-print-break="before"]': { breakBefore: 'page', pageBreakBefore: 'always' },
    // Wide tables and charts print whole rather than in a scrolled box; charts keep their colours.
    '[role="region"], .MuiTableContainer-root': { overflow: 'visible !important' },
    '.recharts-wrapper, .recharts-surface, svg': { maxWidth: '100% !important', breakInside: 'avoid' },
    '*': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
    a: { color: 'inherit', textDecoration: 'none' },
  },
} as const;
