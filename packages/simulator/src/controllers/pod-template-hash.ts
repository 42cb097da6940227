// The pod-template-hash label value: FNV-1a of the template, spelled in the safe alphabet like the real controller.
import { stableJson } from '../api/stable-json.ts';
import { safeAlphabet } from '../clock.ts';

/** A short, stable hash of a pod template, used to name ReplicaSets and label their pods. */
export function podTemplateHash(template: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of stableJson(template))
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return [...String(hash)]
    .map((digit) => safeAlphabet[digit.charCodeAt(0) % safeAlphabet.length])
    .join('');
}
