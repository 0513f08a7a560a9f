// Errors that cross the contract. Every failure a person can see carries a code a program can act
// on, a message a person can act on, and, where one field is at fault, that field's path.

export const ERROR_CODES = [
  'validation', // the input is malformed or refers to something that does not exist
  'not_found', // the record the call is about does not exist
  'conflict', // the write would break a uniqueness rule or a reference still in use
  'newer_version', // the database was written by a newer version of the app
  'forbidden', // the caller is not allowed to make this call
  'cancelled', // the person stopped the work; nothing was changed
  'internal', // a bug: reported with as much detail as is safe
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AtlasErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
}

export class AtlasError extends Error implements AtlasErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toJSON(): AtlasErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** What every transport carries back: never a thrown exception, always one of these. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AtlasErrorShape };

export function toErrorShape(err: unknown): AtlasErrorShape {
  if (err instanceof AtlasError) return err.toJSON();
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown; field?: unknown };
    if (typeof e.code === 'string' && (ERROR_CODES as readonly string[]).includes(e.code)) {
      const shape: AtlasErrorShape = { code: e.code as ErrorCode, message: String(e.message) };
      if (typeof e.field === 'string') shape.field = e.field;
      return shape;
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
