// LabelSelector objects (matchLabels and matchExpressions) as the workload kinds carry them.
import { arrayAt, recordAt, stringAt } from '../api/table/json-path.ts';
import { isRecord } from '../api/types.ts';

function expressionMatches(expression: unknown, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[stringAt(expression, 'key')];
  const values = arrayAt(expression, 'values');
  switch (stringAt(expression, 'operator')) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/** True when `labels` satisfy `selector`; an empty selector matches everything, a missing one nothing. */
export function matchesSelector(
  selector: unknown,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!isRecord(selector)) return false;
  const own = labels ?? {};
  const matchLabels = Object.entries(recordAt(selector, 'matchLabels'));
  return (
    matchLabels.every(([key, value]) => own[key] === value) &&
    arrayAt(selector, 'matchExpressions').every((expression) => expressionMatches(expression, own))
  );
}
