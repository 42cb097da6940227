// Resource quantities as kube-apiserver prints them in messages: Go's canonical Quantity form.
import { parseQuantity } from '@flotilla/protocol';

/** A quantity's number (in base units) and whether it was written in binary (Ki, Mi...) units. */
export interface Amount {
  readonly value: number;
  readonly isBinary: boolean;
}

const decimalSuffixes: readonly [number, string][] = [
  [21, 'E'],
  [18, 'P'],
  [15, 'T'],
  [12, 'G'],
  [9, 'M'],
  [6, 'k'],
  [3, ''],
];
const binarySuffixes = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];

/** The amount a quantity string (or number) stands for. */
export function amountOf(quantity: unknown): Amount {
  const isBinary = typeof quantity === 'string' && /i$/.test(quantity.trim());
  return { value: parseQuantity(quantity), isBinary };
}

function binaryForm(units: number): string | undefined {
  // Go prints binary amounts below 1024 (and fractions) in the decimal form.
  if (Math.abs(units) < 1024) return undefined;
  for (const [index, suffix] of binarySuffixes.entries()) {
    const size = 1024 ** (binarySuffixes.length - index);
    if (units % size === 0) return `${units / size}${suffix}`;
  }
  return `${units}`;
}

/** Go's `Quantity.String()`: the largest suffix that keeps the number whole (`1500m`, `2`, `512Mi`). */
export function formatAmount(amount: Amount): string {
  // Milli-units hold every quantity a pod spec sets exactly; smaller ones are rounded.
  const millis = Math.round(amount.value * 1000);
  if (millis === 0) return '0';
  if (amount.isBinary && millis % 1000 === 0) {
    const binary = binaryForm(millis / 1000);
    if (binary !== undefined) return binary;
  }
  for (const [power, suffix] of decimalSuffixes) {
    const size = 10 ** power;
    if (millis % size === 0) return `${millis / size}${suffix}`;
  }
  return `${millis}m`;
}

/** A quantity string in its canonical form (`2000m` becomes `2`). */
export function canonical(quantity: unknown): string {
  return formatAmount(amountOf(quantity));
}
