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
    if (outcome.warnings.length > 0) {
      call.res.setHeader('Warning', outcome.warnings.map(warningHeader));
    }
  }
}
