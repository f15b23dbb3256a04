import { createHash, randomBytes } from 'node:crypto';

/** Staff session tokens start with `s.`, device tokens with `d.`, so a lookup goes to the right table. */
export type TokenKind = 's' | 'd';

export function newToken(kind: TokenKind): string {
  return `${kind}.${randomBytes(32).toString('base64url')}`;
}

export function tokenKind(token: string): TokenKind | null {
  return token.startsWith('s.') ? 's' : token.startsWith('d.') ? 'd' : null;
}

/** Only this hash is stored: a copy of the database file logs nobody in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
