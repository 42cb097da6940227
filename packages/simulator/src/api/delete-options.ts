// Reads `DeleteOptions` from a delete request's body and query, as the API server merges them.
import type { DeleteOptions } from './registry.ts';
import { badRequest } from './status.ts';
import { isRecord } from './types.ts';

const policies = ['Background', 'Foreground', 'Orphan'] as const;

function policyOf(value: unknown): DeleteOptions['propagationPolicy'] {
  if (value === undefined || value === null || value === '') return undefined;
  const policy = policies.find((p) => p === value);
  if (!policy) throw badRequest(`propagationPolicy: Unsupported value: ${JSON.stringify(value)}`);
  return policy;
}

function bodyOf(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : {};
  } catch {
    throw badRequest('the body of the request was not valid DeleteOptions JSON');
  }
}

/** The delete options a request carries; the body wins over query parameters. */
export function deleteOptionsOf(query: URLSearchParams, text: string): DeleteOptions {
  const body = bodyOf(text);
  const grace = body['gracePeriodSeconds'] ?? query.get('gracePeriodSeconds') ?? undefined;
  const preconditions = isRecord(body['preconditions']) ? body['preconditions'] : undefined;
  return {
    propagationPolicy: policyOf(body['propagationPolicy'] ?? query.get('propagationPolicy')),
    gracePeriodSeconds: grace === undefined ? undefined : Number(grace),
    preconditions,
    isDryRun: [body['dryRun'], query.getAll('dryRun')].some(
      (value) => Array.isArray(value) && value.includes('All'),
    ),
  };
}
