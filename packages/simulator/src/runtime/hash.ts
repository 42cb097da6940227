// Stable hashing of identities (seed, pod, container, instant), so simulated output is the same on every run.

/** FNV-1a over the parts joined by `|`: the same parts always give the same 32-bit number. */
export function hashOf(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** A float in [0, 1) drawn from the hash of `parts`. */
export function unitOf(...parts: readonly (string | number)[]): number {
  return hashOf(...parts) / 4294967296;
}

/** One of `choices`, picked by the hash of `parts`. */
export function pick<T>(choices: readonly T[], ...parts: readonly (string | number)[]): T {
  const choice = choices[hashOf(...parts) % choices.length];
  if (choice === undefined) throw new Error('pick needs at least one choice');
  return choice;
}
