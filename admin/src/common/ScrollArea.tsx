// A horizontally scrolling box for wide tables and charts, so a phone scrolls the table inside its
// card and never the page. While its content is wider than the box it is a named, focusable
// region: keyboard users can then scroll it with the arrow keys (WCAG 2.1.1).
import { Box } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';

function useScrollsSideways() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    check();
    // The box resizes with the window; its content changes width when data arrives.
    const resized = new ResizeObserver(check);
    resized.observe(box);
    const changed = new MutationObserver(check);
    changed.observe(box, { childList: true, subtree: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
  return { ref, scrolls };
}

export function ScrollArea({ labelledBy, children }: { labelledBy?: string; children: ReactNode }) {
  const { ref, scrolls } = useScrollsSideways();
  const region = scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } : {};
  return (
    <Box ref={ref} sx={{ overflowX: 'auto', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 } }} {...region}>
      {children}
    </Box>
  );
}
