// Serves /openapi/v3 (the index of group versions) and /openapi/v3/<group version> documents.
import { createHash } from 'node:crypto';
import type { Registry } from '../registry.ts';
import { servedGroups } from '../resource-types.ts';
import type { ResourceType } from '../resource-types.ts';
import { groupVersionDocument } from './document.ts';
import type { Json } from './json.ts';

interface Built {
  readonly document: Json;
  readonly hash: string;
}

/** Built documents per catalog snapshot: the catalog array is replaced whenever a CRD changes. */
const cache = new WeakMap<readonly ResourceType[], Map<string, Built>>();

function pathOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function servedPaths(types: readonly ResourceType[]): Map<string, readonly ResourceType[]> {
  const paths = new Map<string, readonly ResourceType[]>();
  for (const [group, versions] of servedGroups(types)) {
    for (const version of versions) {
      const members = types.filter((type) => type.group === group && type.version === version);
      paths.set(pathOf(group, version), members);
    }
  }
  return paths;
}

function build(registry: Registry, kubernetesVersion: string): Map<string, Built> {
  const types = registry.types.all();
  const cached = cache.get(types);
  if (cached) return cached;
  const built = new Map<string, Built>();
  for (const [path, members] of servedPaths(types)) {
    const document = groupVersionDocument(members, registry.store, kubernetesVersion);
    const hash = createHash('sha512').update(JSON.stringify(document)).digest('hex').toUpperCase();
    built.set(path, { document, hash });
  }
  cache.set(types, built);
  return built;
}

/** The document at `pathname` under /openapi/v3, or undefined when there is none. */
export function openApiV3(
  pathname: string,
  registry: Registry,
  kubernetesVersion: string,
): Json | undefined {
  if (pathname !== '/openapi/v3' && !pathname.startsWith('/openapi/v3/')) return undefined;
  const built = build(registry, kubernetesVersion);
  if (pathname === '/openapi/v3') {
    const entries = [...built].map(([path, { hash }]) => [
      path,
      { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` },
    ]);
    return { paths: Object.fromEntries(entries) };
  }
  return built.get(pathname.slice('/openapi/v3/'.length))?.document;
}
