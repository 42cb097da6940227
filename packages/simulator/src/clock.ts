// Time and randomness, injected so simulated clusters are deterministic under test.

/** A source of the current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** The machine's clock. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/** RFC 3339 at one-second precision, as Kubernetes timestamps are written. */
export function timestamp(clock: Clock): string {
  return new Date(Math.floor(clock.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A seeded pseudo-random source (mulberry32): the same seed gives the same cluster. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** A `Random` from `seed`. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** An integer in [0, bound). */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random.next() * bound);
}

/** A version-4-shaped UUID drawn from `random`. */
export function randomUid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => randomInt(random, 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + randomInt(random, 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
export const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** A `generateName` suffix of `length` characters, as the API server makes them. */
export function randomSuffix(random: Random, length = 5): string {
  return Array.from({ length }, () => safeAlphabet[randomInt(random, safeAlphabet.length)]).join(
    '',
  );
}
