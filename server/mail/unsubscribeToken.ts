// The one-click unsubscribe link's token (RFC 8058): the user's id and an HMAC-SHA256 over that id
// and the token's purpose, so a link unsubscribes exactly one user from exactly the digest, needs
// no login, and cannot be made for someone else without the secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'digest-unsubscribe';

function signature(secret: string, userId: number): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}:${userId}`).digest();
}

/** `42.<base64url signature>`. */
export function unsubscribeToken(secret: string, userId: number): string {
  return `${userId}.${signature(secret, userId).toString('base64url')}`;
}

/** The user a token was made for, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(secret: string, token: unknown): number | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  if (userId > 2 ** 31 - 1) return null;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = signature(secret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
