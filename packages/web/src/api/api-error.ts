// The one error type the dashboard's API layer throws: an HTTP status plus the hub's error code.

/** A failed call to the hub: `status` 0 means the hub could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** True when the hub rejected our credential, so the user must sign in again. */
  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

/** Turns an error response into an ApiError, reading the hub's `{"error": {...}}` body if present. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const detail = readErrorBody(body);
  return new ApiError(
    response.status,
    detail?.code ?? 'unknown',
    detail?.message ?? `The hub answered ${response.status} ${response.statusText}.`,
  );
}

function readErrorBody(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return message === '' ? undefined : { code, message };
}
