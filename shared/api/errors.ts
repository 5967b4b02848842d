/** Error codes a handler can answer with; the UI words its message by code where it needs to. */
export type ApiErrorCode =
  | 'invalid-request'
  | 'unknown-channel'
  | 'not-available'
  | 'keychain-unavailable'
  | 'not-found'
  | 'busy'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Field-level problems, e.g. `{ baseUrl: 'The Base URL must start with https://.' }`. */
  fields?: Record<string, string>;
}

export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
