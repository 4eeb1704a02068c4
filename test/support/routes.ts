// Lists every route an Express app serves as "METHOD /path", by walking its router stack.
import type { Express } from 'express';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function walk(stack: Layer[], prefix: string, out: string[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? (layer.route.path as string[]) : [layer.route.path];
      for (const method of Object.keys(layer.route.methods)) {
        for (const p of paths) out.push(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${(prefix + (p === '/' ? '' : p)) || '/'}`);
      }
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, prefix + (layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''), out);
    }
  }
}

export function collectRoutes(app: Express): string[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: string[] = [];
  walk(router.stack, '', out);
  return [...new Set(out)].sort();
}
