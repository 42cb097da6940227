// Kubernetes object-name validation (DNS-1123 and DNS-1035), with the API server's exact messages.

/** Which naming rule a kind's names follow. */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

interface Rule {
  readonly pattern: RegExp;
  readonly source: string;
  readonly maxLength: number;
  readonly message: string;
  readonly examples: readonly string[];
}

const labelSource = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const subdomainSource = `${labelSource}(\\.${labelSource})*`;
const dns1035Source = '[a-z]([-a-z0-9]*[a-z0-9])?';

const rules: Record<Exclude<NameRule, 'path'>, Rule> = {
  subdomain: {
    pattern: new RegExp(`^${subdomainSource}$`),
    source: subdomainSource,
    maxLength: 253,
    message:
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    examples: ['example.com'],
  },
  label: {
    pattern: new RegExp(`^${labelSource}$`),
    source: labelSource,
    maxLength: 63,
    message:
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    examples: ['my-name', '123-abc'],
  },
  dns1035: {
    pattern: new RegExp(`^${dns1035Source}$`),
    source: dns1035Source,
    maxLength: 63,
    message:
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
    examples: ['my-name', 'abc-123'],
  },
};

/** Go's `validation.RegexError` wording, spacing quirks included, so messages match byte for byte. */
function regexError(rule: Rule): string {
  const examples = rule.examples.map((example, i) => `${i > 0 ? ' or ' : ''}'${example}', `);
  return `${rule.message} (e.g. ${examples.join('')}regex used for validation is '${rule.source}')`;
}

/** The reasons `name` breaks `ruleName`, empty when it is valid. */
export function nameErrors(ruleName: NameRule, name: string): string[] {
  if (ruleName === 'path') return pathSegmentErrors(name);
  const rule = rules[ruleName];
  const errors: string[] = [];
  if (name.length > rule.maxLength)
    errors.push(`must be no more than ${rule.maxLength} characters`);
  if (!rule.pattern.test(name)) errors.push(regexError(rule));
  return errors;
}

/** RBAC names need only be usable as a path segment (`system:masters` is fine), as in ValidatePathSegmentName. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** True when `name` is a valid label value-free DNS-1123 label (used for namespaces in paths). */
export function isDnsLabel(name: string): boolean {
  return nameErrors('label', name).length === 0;
}
