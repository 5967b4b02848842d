import SCIMMY from 'scimmy';

/** RFC 7644 §3.12 error types this server produces. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Thrown anywhere in request handling; the router turns it into a SCIM Error response. */
export class ScimHttpError extends Error {
  override name = 'ScimHttpError';
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    detail: string,
    /** Extra response headers, e.g. Retry-After for 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

/**
 * Error bodies come from SCIMMY's ErrorResponse, which also checks that status and scimType belong together
 * (RFC 7644 §3.12), so a wrong pairing in this server fails loudly in tests. SCIMMY refuses statuses outside
 * the RFC's table — 429 (which Entra handles) and 405 — so those are built by hand in the same shape.
 */
export function scimErrorBody(status: number, scimType: ScimType | undefined, detail: string): ScimErrorBody {
  if (status === 429 || status === 405) {
    const body: ScimErrorBody = { schemas: [ERROR_SCHEMA], status: String(status), detail };
    if (scimType) body.scimType = scimType;
    return body;
  }
  const message = new SCIMMY.Messages.ErrorResponse({ status, scimType, detail } as never);
  return JSON.parse(JSON.stringify(message)) as ScimErrorBody;
}

export const invalidValue = (detail: string): ScimHttpError => new ScimHttpError(400, 'invalidValue', detail);
export const invalidPath = (detail: string): ScimHttpError => new ScimHttpError(400, 'invalidPath', detail);
export const invalidSyntax = (detail: string): ScimHttpError =>
  new ScimHttpError(400, 'invalidSyntax', detail);
export const invalidFilter = (detail: string): ScimHttpError =>
  new ScimHttpError(400, 'invalidFilter', detail);
export const noTarget = (detail: string): ScimHttpError => new ScimHttpError(400, 'noTarget', detail);
export const notFound = (detail: string): ScimHttpError => new ScimHttpError(404, undefined, detail);
