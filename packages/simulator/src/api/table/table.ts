// Server-side `Table` responses (meta.k8s.io/v1), which `kubectl get` asks for to print rows.
import type { KubeObject } from '../types.ts';
import { columnsByKind, defaultColumns, moreColumns, rbacColumns } from './columns.ts';
import { morePrinters } from './more-cells.ts';
import { platformColumns, platformPrinters } from './platform-cells.ts';
import { quotaColumns, quotaPrinters } from './quota-cells.ts';
import type { ColumnDefinition } from './columns.ts';
import { age } from './human-duration.ts';
import {
  configMapCells,
  eventCells,
  namespaceCells,
  nodeCells,
  secretCells,
  serviceAccountCells,
  serviceCells,
} from './core-cells.ts';
import { bindingCells, roleCells } from './rbac-cells.ts';
import { deploymentCells, podCells, replicaSetCells } from './workload-cells.ts';
import type { Cells } from './workload-cells.ts';

type CellPrinter = (object: KubeObject, now: number) => Cells;

const printers: Readonly<Record<string, CellPrinter>> = {
  Pod: podCells,
  Deployment: deploymentCells,
  ReplicaSet: replicaSetCells,
  Node: nodeCells,
  Namespace: namespaceCells,
  Service: serviceCells,
  ConfigMap: configMapCells,
  Secret: secretCells,
  ServiceAccount: serviceAccountCells,
  Event: eventCells,
  Role: roleCells,
  ClusterRole: roleCells,
  RoleBinding: bindingCells,
  ClusterRoleBinding: bindingCells,
};

/** What each row carries besides its cells (the `includeObject` parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** True when the `Accept` header asks for a meta.k8s.io/v1 Table. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return (
      params.includes('as=Table') && params.includes('g=meta.k8s.io') && params.includes('v=v1')
    );
  });
}

/** The `includeObject` query parameter, defaulting to Metadata as the server does. */
export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

function cellsOf(kind: string, object: KubeObject, now: number): Cells {
  const printer =
    printers[kind] ?? morePrinters[kind] ?? platformPrinters[kind] ?? quotaPrinters[kind];
  return printer
    ? printer(object, now)
    : [object.metadata.name ?? '', age(object.metadata.creationTimestamp, now)];
}

/** Options of one table rendering. */
export interface TableOptions {
  readonly kind: string;
  readonly now: number;
  readonly include: IncludeObject;
  readonly listMeta: Record<string, unknown>;
  /** False for watch events after the first, which carry rows only. */
  readonly hasColumns?: boolean;
}

/** A `Table` of `objects`. */
export function toTable(
  objects: readonly KubeObject[],
  options: TableOptions,
): Record<string, unknown> {
  const columns: readonly ColumnDefinition[] =
    columnsByKind[options.kind] ??
    rbacColumns[options.kind] ??
    moreColumns[options.kind] ??
    platformColumns[options.kind] ??
    quotaColumns[options.kind] ??
    defaultColumns;
  const rows = objects.map((object) => {
    const row = {
      cells: cellsOf(options.kind, object, options.now),
      object: rowObject(object, options.include),
    };
    return row.object === undefined ? { cells: row.cells } : row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMeta,
    columnDefinitions: options.hasColumns === false ? [] : columns,
    rows,
  };
}
