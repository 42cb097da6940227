// A timestamp shown as "5 min ago", with the exact time in a tooltip and machine-readable attribute.
import { formatAgo } from './format.ts';

/** Renders `iso` relative to now. */
export function RelativeTime({ iso }: { readonly iso: string }) {
  const at = new Date(iso);
  return (
    <time dateTime={iso} title={at.toLocaleString()}>
      {formatAgo(at, new Date())}
    </time>
  );
}
