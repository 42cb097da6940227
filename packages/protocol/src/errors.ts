// The closed set of error codes every Flotilla process speaks, and the JSON shape clients see.

/** Every error code, with the HTTP status it maps to and what it means (docs/errors.md mirrors this). */
export const errorCodes = {
  invalid_request: { status: 400, summary: 'The request is malformed or fails validation.' },
  unauthenticated: { status: 401, summary: 'No valid credential was presented.' },
  forbidden: { status: 403, summary: 'The caller lacks the permission the request needs.' },
  not_found: { status: 404, summary: 'The addressed resource or route does not exist.' },
  method_not_allowed: { status: 405, summary: 'The route exists but not for this method.' },
  conflict: { status: 409, summary: 'The change conflicts with the current state.' },
  payload_too_large: { status: 413, summary: 'The request body exceeds the size limit.' },
  unsupported_media_type: {
    status: 415,
    summary: 'The request body has a content type we do not read.',
  },
  rate_limited: { status: 429, summary: 'Too many requests; retry after the advertised delay.' },
  internal: { status: 500, summary: 'An unexpected failure; the details are in the server log.' },
  cluster_unavailable: { status: 503, summary: 'The cluster has no live tunnel to the hub.' },
  not_ready: { status: 503, summary: 'The server is starting or shutting down.' },
  upstream_timeout: { status: 504, summary: 'A cluster or dependency did not answer in time.' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The body of every error response: `{"error": {"code", "message", "details"?}}`. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details?: unknown;
  };
}

/** An error that knows its code; anything else thrown is reported to clients as `internal`. */
export class FlotillaError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'FlotillaError';
    this.code = code;
    this.details = options.details;
  }

  /** The HTTP status this error maps to. */
  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** True when `code` is one of ours (used when parsing error bodies from other processes). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code);
}

/** Turns any thrown value into the body a client may see: never a stack, never internals. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof FlotillaError) {
    const base = { code: error.code, message: error.message };
    return { error: error.details === undefined ? base : { ...base, details: error.details } };
  }
  return { error: { code: 'internal', message: errorCodes.internal.summary } };
}

/** The HTTP status for any thrown value. */
export function statusOf(error: unknown): number {
  return error instanceof FlotillaError ? error.status : errorCodes.internal.status;
}
