import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** newToken makes a bearer token: 192 random bits, prefixed so it is recognisable in logs and scanners. */
export function newToken(): string {
  return `tks_${randomBytes(24).toString('base64url')}`;
}

/** hashToken is how tokens are stored: never in the clear. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** tokenId names a token without revealing it. */
export function tokenId(hash: string): string {
  return `tok-${hash.slice(0, 8)}`;
}

/** sameSecret compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashToken(a), 'hex');
  const y = Buffer.from(hashToken(b), 'hex');
  return timingSafeEqual(x, y);
}
