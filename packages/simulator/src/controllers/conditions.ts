// Status conditions whose timestamps only move when the condition changes, so status writes settle.
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { isRecord } from '../api/types.ts';

/** One status condition. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: null;
}

/** `wanted` with the previous condition's timestamps when its status and reason are unchanged. */
export function condition(
  wanted: Condition,
  previous: unknown[],
  clock: Clock,
  hasUpdateTime = false,
): Condition {
  const old = previous.find((c) => isRecord(c) && c['type'] === wanted.type) as
    Condition | undefined;
  const isSame = old?.status === wanted.status && old.reason === wanted.reason;
  const now = timestamp(clock);
  const times = { lastTransitionTime: isSame ? old.lastTransitionTime : now };
  const update = hasUpdateTime ? { lastUpdateTime: isSame ? old.lastUpdateTime : now } : {};
  return { ...wanted, ...update, ...times };
}
