import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ScimHttpError } from './errors';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Checks `Authorization: Bearer <token>` (scheme in any case). Constant-time compare so the mock does not
 * teach bad habits; throws a 401 SCIM Error with a WWW-Authenticate challenge.
 */
export function createBearerCheck(token: string): (header: string | undefined) => void {
  const expected = Buffer.from(token);
  return (header) => {
    const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
    const given = match?.[1] === undefined ? undefined : Buffer.from(match[1]);
    const valid = given !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
    if (!valid) {
      throw new ScimHttpError(
        401,
        undefined,
        header === undefined
          ? 'Missing Authorization header; send Authorization: Bearer <key>.'
          : 'Invalid bearer token.',
        { 'WWW-Authenticate': 'Bearer realm="Jostle SCIM"' },
      );
    }
  };
}
