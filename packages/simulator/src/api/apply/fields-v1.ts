// Converts between sets of field paths and the FieldsV1 trie stored in metadata.managedFields.
import { isRecord } from '../types.ts';
import type { PathKey } from './field-paths.ts';

type Trie = Record<string, unknown>;

function child(node: Trie, element: string): Trie {
  const existing = node[element];
  if (isRecord(existing)) return existing;
  const created: Trie = {};
  node[element] = created;
  return created;
}

/** The FieldsV1 trie of `paths`; a path that has children below it is marked with `.`. */
export function toFieldsV1(paths: Iterable<PathKey>): Trie {
  const root: Trie = {};
  const members: Trie[] = [];
  for (const key of paths) {
    const elements = JSON.parse(key) as string[];
    members.push(elements.reduce(child, root));
  }
  for (const node of members) if (Object.keys(node).length > 0) node['.'] = {};
  return root;
}

function collect(node: Trie, path: string[], into: Set<PathKey>): void {
  for (const [element, value] of Object.entries(node)) {
    if (element === '.') {
      into.add(JSON.stringify(path));
      continue;
    }
    const next = [...path, element];
    const isLeaf = !isRecord(value) || Object.keys(value).length === 0;
    if (isLeaf) into.add(JSON.stringify(next));
    else collect(value, next, into);
  }
}

/** The paths a FieldsV1 trie holds. */
export function fromFieldsV1(trie: unknown): Set<PathKey> {
  const paths = new Set<PathKey>();
  if (isRecord(trie)) collect(trie, [], paths);
  return paths;
}
