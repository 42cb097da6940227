// An API write through admission: who asks, whether it is a dry run, and what webhooks said back.
import { emptyOutcome } from '../admission/admission.ts';
import type { AdmissionOutcome } from '../admission/admission.ts';
import type { WriteRequest } from '../admission/attributes.ts';
import type { ApiCall } from './api-call.ts';

/** A write that runs admission with the caller's identity and collects webhooks' outcome. */
export type AdmittedWrite<T> = (request: WriteRequest, outcome: AdmissionOutcome) => Promise<T>;

/** `Warning: 299 - "text"`, the header kube-apiserver turns a webhook's warning into. */
function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

/** Adds to the Warning headers already set (field validation may have warned first). */
function addWarnings(call: ApiCall, warnings: string[]): void {
  const before = call.res.getHeader('Warning');
  const earlier = before === undefined ? [] : Array.isArray(before) ? before : [String(before)];
  call.res.setHeader('Warning', [...earlier, ...warnings]);
}

/**
 * Runs `write` for `call`: webhooks' warnings go back as Warning headers (kubectl prints them), even
 * when a webhook denied the write.
 */
export async function admittedWrite<T>(call: ApiCall, write: AdmittedWrite<T>): Promise<T> {
  const outcome = emptyOutcome();
  const isDryRun = call.query.getAll('dryRun').includes('All');
  try {
    return await write({ user: call.user, isDryRun }, outcome);
  } finally {
    if (outcome.warnings.length > 0) addWarnings(call, outcome.warnings.map(warningHeader));
  }
}
