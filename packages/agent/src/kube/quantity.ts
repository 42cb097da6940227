// Kubernetes resource quantities ("2", "500m", "8Gi", "1e3") as numbers, for the capacity the
// agent reports.

const binary: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimal: Record<string, number> = {
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
};

/** The quantity's value in base units (cores, bytes); NaN when it is not a quantity. */
export function parseQuantity(text: string): number {
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)([KMGTPE]i|[numkMGTPE]?)$/.exec(text.trim());
  if (match === null) return Number.NaN;
  const [, number = '', suffix = ''] = match;
  return Number(number) * (binary[suffix] ?? decimal[suffix] ?? Number.NaN);
}
