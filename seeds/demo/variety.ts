// Deterministic variety (KvK numbers, file numbers, payment lags) without randomness or a clock:
// an FNV-1a hash of the parts, stirred by one mulberry32 step.
export function noise(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** Whole cents of an amount in euros. */
export const euros = (amount: number): number => Math.round(amount * 100);
