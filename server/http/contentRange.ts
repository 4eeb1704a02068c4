// The `Content-Range` header of a list answer, as ra-data-simple-rest reads it: `name first-last/total`.
import type { Response } from 'express';

export function contentRange(res: Response, name: string, first: number, count: number, total: number): void {
  res.set('Content-Range', `${name} ${count ? `${first}-${first + count - 1}` : '*'}/${total}`);
}
