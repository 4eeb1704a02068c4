// PostgreSQL text cannot hold the NUL character (U+0000): a value with one fails in the database
// (error 22021) wherever it is used. Input is checked where it enters, so the answer can name the
// field; the error handler maps 22021 to a 400 as a safety net.

/** The path (`email`, `filter.q`, `domains.1`) of the first text holding a NUL, or null. */
export function nulPath(value: unknown, root = ''): string | null {
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || 'body';
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}
