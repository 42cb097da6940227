// Label selectors in the string form clients send (`app=web,tier in (a,b),!legacy`).
import { badRequest } from './status.ts';

type Operator = 'in' | 'notin' | 'exists' | 'doesnotexist';

/** One parsed requirement of a selector. */
interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** A predicate over an object's labels. */
export type LabelMatcher = (labels: Readonly<Record<string, string>> | undefined) => boolean;

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += char;
  }
  terms.push(current);
  return terms.map((term) => term.trim()).filter((term) => term.length > 0);
}

const setPattern = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const equalityPattern = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/;
const existsPattern = /^(!?)\s*([\w./-]+)$/;

function parseTerm(term: string): Requirement {
  const set = setPattern.exec(term);
  if (set) {
    const values = (set[3] ?? '').split(',').map((value) => value.trim());
    return { key: set[1] ?? '', operator: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const equality = equalityPattern.exec(term);
  if (equality) {
    const operator = equality[2] === '!=' ? 'notin' : 'in';
    return { key: equality[1] ?? '', operator, values: [equality[3] ?? ''] };
  }
  const exists = existsPattern.exec(term);
  if (exists)
    return { key: exists[2] ?? '', operator: exists[1] ? 'doesnotexist' : 'exists', values: [] };
  throw badRequest(`unable to parse requirement: invalid label selector term "${term}"`);
}

function matches(requirement: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notin':
      return value === undefined || !requirement.values.includes(value);
    case 'exists':
      return value !== undefined;
    case 'doesnotexist':
      return value === undefined;
  }
}

/** Parses `selector` (empty or absent matches everything), or 400 on a malformed term. */
export function parseLabelSelector(selector: string | null | undefined): LabelMatcher {
  const requirements = splitTerms(selector ?? '').map(parseTerm);
  return (labels) => requirements.every((requirement) => matches(requirement, labels ?? {}));
}

/** The selector string equivalent to a `matchLabels` map. */
export function selectorFromLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
