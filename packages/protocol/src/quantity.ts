// Kubernetes resource quantities (`250m`, `1.5`, `512Mi`, `2G`) as plain numbers of base units,
// shared by the agent (capacity it reports) and the simulator (scheduling, usage).

const suffixes: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** The value of `quantity` in base units (cores, bytes, pods); 0 when it is missing or malformed. */
export function parseQuantity(quantity: unknown): number {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  const factor = match ? suffixes[match[2] ?? ''] : undefined;
  return match && factor !== undefined ? Number(match[1]) * factor : 0;
}
