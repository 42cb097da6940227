// How client commands print: aligned tables for people, `-o json` for scripts.
export type OutputFormat = 'table' | 'json';

/** One table column: its heading and how to read a cell from a row. */
export interface Column<T> {
  readonly heading: string;
  readonly cell: (row: T) => unknown;
}

/** Where client output goes (replaced in tests). */
export const io = {
  write: (text: string): void => void process.stdout.write(text),
};

function text(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Rows as an aligned table, headings upper-case. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = [
    columns.map((c) => c.heading.toUpperCase()),
    ...rows.map((row) => columns.map((c) => text(c.cell(row)))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  return (
    cells
      .map((line) =>
        line
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** Prints `value` as JSON, or as a table of `rows` with `columns`. */
export function print<T>(
  format: OutputFormat,
  value: unknown,
  rows: readonly T[],
  columns: readonly Column<T>[],
): void {
  io.write(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : table(rows, columns));
}

/** Prints a single object: JSON, or `key: value` lines. */
export function printObject(format: OutputFormat, value: Record<string, unknown>): void {
  if (format === 'json') return io.write(`${JSON.stringify(value, null, 2)}\n`);
  io.write(
    Object.entries(value)
      .map(([key, v]) => `${key}: ${text(v)}`)
      .join('\n') + '\n',
  );
}

/** `labels` as `k=v,k=v`. */
export function labelText(labels: unknown): string {
  return Object.entries((labels ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
