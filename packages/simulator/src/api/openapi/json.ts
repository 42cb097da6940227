// The JSON value type the OpenAPI builders work in.

/** A JSON object; values are left `unknown` and narrowed where read. */
export type Json = Record<string, unknown>;
