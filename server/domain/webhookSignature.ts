// The signature of a webhook delivery (README "Webhooks"): `Vangnet-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The receiver recomputes it with the shared
// secret and refuses a timestamp older than 5 minutes, so a captured request cannot be replayed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Vangnet-Signature';
/** How old a signature's timestamp may be before a receiver should refuse it. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** A new secret: 32 random bytes, `whsec_` + base64url. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header's value for this body, signed at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
}

/** What a receiver does (the README's example): true when the header signs this body with this secret, recently. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || typeof parts.v1 !== 'string') return false;
  const expected = Buffer.from(signature(secret, t, body), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
