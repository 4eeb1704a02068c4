// The signature of a webhook delivery (README "Webhooks"): `Vangnet-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The receiver recomputes it with the shared
// secret and refuses a timestamp older than 5 minutes, so a captured request cannot be replayed.
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'Vangnet-Signature';

/** A new secret: 32 random bytes, `whsec_` + base64url. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header's value for this body, signed at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
}

