// Admits agent connections at a bounded rate (a token bucket), so a reconnect storm after a hub
// restart or a network blip is spread out by the agents' backoff instead of overwhelming the hub.

export interface AdmissionLimiter {
  /** True when a connection may be admitted now (and takes its token). */
  tryAdmit(): boolean;
  /** Seconds until the next token, for Retry-After. */
  retryAfterSeconds(): number;
}

/** `ratePerSecond` admissions a second on average, up to `burst` at once. */
export function tokenBucket(
  ratePerSecond: number,
  burst: number,
  now: () => number = Date.now,
): AdmissionLimiter {
  let tokens = burst;
  let refilledAt = now();
  const refill = () => {
    const at = now();
    tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * ratePerSecond);
    refilledAt = at;
  };
  return {
    tryAdmit() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    retryAfterSeconds() {
      refill();
      return Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
    },
  };
}
