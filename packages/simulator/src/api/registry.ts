// The API semantics of one cluster over its store: create, update and delete as kube-apiserver does them.
import type { Logger } from 'pino';
import { Admission, emptyOutcome } from '../admission/admission.ts';
import type { AdmissionOutcome } from '../admission/admission.ts';
import {
  createAttributes,
  deleteAttributes,
  dryRunResult,
  updateAttributes,
} from '../admission/write-attributes.ts';
import type { WriteRequest } from '../admission/attributes.ts';
import type { Clock, Random } from '../clock.ts';
import { hooksFor } from '../kinds/index.ts';
import { admitQuota } from '../kinds/quota-admission.ts';
import type { HookContext } from '../kinds/index.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { withManagedFields } from './apply/managed-fields.ts';
import { asObject, specOf } from './object-body.ts';
import { checkName, chooseName, hookContext, newMetadata, updatedMetadata } from './object-meta.ts';
import { deleteObject } from './registry-delete.ts';
import type { DeleteOptions } from './registry-delete.ts';
import { typeOfKind } from './resource-types.ts';
import type { ResourceType } from './resource-types.ts';
import { stableJson } from './stable-json.ts';
import { TypeCatalog } from './type-catalog.ts';
import { alreadyExists, badRequest, conflict, invalid, KubeError, notFound } from './status.ts';
import type { KubeStatus } from './status.ts';
import { staleObjectMessage } from './status.ts';
import type { KubeObject, StoredObject } from './types.ts';

export type { DeleteOptions } from './registry-delete.ts';

/** What a registry needs: its cluster's store, clock and randomness. */
export interface RegistryDeps {
  readonly store: ObjectStore;
  readonly clock: Clock;
  readonly random: Random;
  /** Where admission reports webhooks that failed but were ignored. */
  readonly logger?: Logger;
}

const namespaceType = typeOfKind('', 'Namespace');

/** Create, read, update and delete with validation, defaulting and optimistic concurrency. */
export class Registry {
  readonly store: ObjectStore;
  /** The types this cluster serves, custom resources included. */
  readonly types: TypeCatalog;
  /** The cluster's admission webhooks, called by `admitCreate` and `admitUpdate`. */
  readonly admission: Admission;
  readonly #deps: RegistryDeps;
  #nextServiceIp = 1;

  constructor(deps: RegistryDeps) {
    this.store = deps.store;
    this.types = new TypeCatalog(deps.store);
    this.admission = new Admission({ store: deps.store, logger: deps.logger });
    this.#deps = deps;
  }

  /** The object, or 404. */
  get(type: ResourceType, namespace: string | undefined, name: string): StoredObject {
    const object = this.store.get(type, namespace, name);
    if (!object) throw notFound(type, name);
    return object;
  }

  /** Creates an object from a request body, in `namespace` for namespaced types, without admission. */
  create(type: ResourceType, namespace: string | undefined, body: unknown): StoredObject {
    return this.#commitCreate(type, this.#draftCreate(type, namespace, asObject(body, type)));
  }

  /** Creates as an API request does: mutating webhooks, validation, validating webhooks, then storage. */
  async admitCreate(
    type: ResourceType,
    namespace: string | undefined,
    body: unknown,
    request: WriteRequest,
    outcome: AdmissionOutcome = emptyOutcome(),
  ): Promise<StoredObject> {
    const object = asObject(body, type);
    const ns = type.isNamespaced ? this.#targetNamespace(type, object, namespace) : undefined;
    if (ns !== undefined) this.#checkNamespaceOpen(type, ns, object.metadata.name ?? '');
    // As on a real server, mutating webhooks see a generated name still unset.
    const name = object.metadata.name ?? '';
    const attributes = createAttributes(type, ns, name, object, request);
    const isWanted = this.admission.isWanted(attributes);
    const mutated = isWanted ? await this.admission.mutate(attributes, outcome) : object;
    const draft = this.#draftCreate(type, ns, mutated);
    const validating = { ...attributes, name: draft.metadata.name, object: draft };
    if (isWanted) await this.admission.validate(validating, outcome);
    if (request.isDryRun) return draft;
    const created = this.#commitCreate(type, draft);
    this.admission.remember(validating, outcome);
    return created;
  }

  /** Everything a create decides before storage: name, system metadata, defaults, validation. */
  #draftCreate(
    type: ResourceType,
    namespace: string | undefined,
    object: KubeObject,
  ): StoredObject {
    const ns = type.isNamespaced ? this.#targetNamespace(type, object, namespace) : undefined;
    const name = chooseName(type, object, this.#deps.random);
    checkName(type, name);
    if (ns !== undefined) this.#checkNamespaceOpen(type, ns, name);
    if (this.store.get(type, ns, name)) throw alreadyExists(type, name);
    const fields = { type, name, namespace: ns, revision: this.store.nextRevision() };
    // System metadata first, so defaulting can use the name and uid (a Job's selector does).
    const metadata = newMetadata(object, fields, this.#deps);
    const context = hookContext(this.#deps, () => this.#allocateServiceIp());
    const base = { ...object, metadata, ...(type.hasStatus ? { status: undefined } : {}) };
    const defaulted = hooksFor(type).defaultCreate?.(base, context) ?? base;
    this.#validate(type, defaulted, name);
    // ResourceQuota is the last admission plugin: it sees the object as it would be stored.
    admitQuota(type, defaulted, context);
    const { uid, resourceVersion } = metadata;
    const stored = { ...defaulted.metadata, name, uid, resourceVersion };
    return { ...dropUndefinedStatus(defaulted), metadata: stored };
  }

  /** Stores a drafted object at the next revision, unless its name was taken meanwhile. */
  #commitCreate(type: ResourceType, draft: StoredObject): StoredObject {
    const { namespace, name } = draft.metadata;
    if (namespace !== undefined) this.#checkNamespaceOpen(type, namespace, name);
    if (this.store.get(type, namespace, name)) throw alreadyExists(type, name);
    const metadata = { ...draft.metadata, resourceVersion: this.store.nextRevision() };
    return this.store.put(type, withManagedFields(type, this.store, { ...draft, metadata }));
  }

  /** Replaces an object (or only its status), refusing a stale `resourceVersion`; no admission. */
  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    subresource?: 'status',
  ): StoredObject {
    const { next, previous } = this.#draftUpdate(type, namespace, name, body, subresource);
    return this.#commitUpdate(type, next, previous);
  }

  /** Updates as an API request does, with admission between the new state and its storage. */
  async admitUpdate(
    target: { type: ResourceType; namespace: string | undefined; name: string },
    body: unknown,
    subresource: 'status' | undefined,
    request: WriteRequest,
    outcome: AdmissionOutcome = emptyOutcome(),
  ): Promise<StoredObject> {
    const { type, namespace, name } = target;
    const { next, previous } = this.#draftUpdate(type, namespace, name, body, subresource);
    const attributes = updateAttributes(target, subresource, { next, previous }, request);
    if (!this.admission.isWanted(attributes)) {
      return request.isDryRun
        ? dryRunResult(next, previous)
        : this.#commitUpdate(type, next, previous);
    }
    const mutated = await this.admission.mutate(attributes, outcome);
    this.#validate(type, mutated, name);
    await this.admission.validate({ ...attributes, object: mutated }, outcome);
    if (request.isDryRun) return dryRunResult(mutated, previous);
    const current = this.get(type, namespace, name);
    if (current.metadata.resourceVersion !== previous.metadata.resourceVersion) {
      throw conflict(type, name, staleObjectMessage);
    }
    const updated = this.#commitUpdate(type, mutated, previous);
    this.admission.remember(attributes, outcome);
    return updated;
  }

  #draftUpdate(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    subresource?: 'status',
  ): { next: KubeObject; previous: StoredObject } {
    const object = asObject(body, type);
    checkIdentity(object, namespace, name);
    const previous = this.get(type, namespace, name);
    const version = object.metadata.resourceVersion;
    if (version && version !== previous.metadata.resourceVersion) {
      throw conflict(type, name, staleObjectMessage);
    }
    const context = hookContext(this.#deps, () => this.#allocateServiceIp());
    const next = nextState(type, object, previous, subresource, context);
    this.#validate(type, next, name);
    return { next, previous };
  }

  /**
   * Deletes as an API request does: webhooks registered for DELETE see the object first; a dry run
   * answers with the object and deletes nothing.
   */
  async admitDelete(
    target: { type: ResourceType; namespace: string | undefined; name: string },
    options: DeleteOptions,
    request: WriteRequest,
    outcome: AdmissionOutcome = emptyOutcome(),
  ): Promise<StoredObject | KubeStatus> {
    const { type, namespace, name } = target;
    const isDryRun = request.isDryRun === true || options.isDryRun === true;
    const attributes = deleteAttributes(type, this.get(type, namespace, name), {
      ...request,
      isDryRun,
    });
    if (this.admission.isWanted(attributes)) {
      await this.admission.mutate(attributes, outcome);
      await this.admission.validate(attributes, outcome);
    }
    if (isDryRun) return this.get(type, namespace, name);
    const deleted = this.delete(type, namespace, name, options);
    this.admission.remember(attributes, outcome);
    return deleted;
  }

  /** Deletes an object as its kind and finalizers dictate (see `deleteObject`); no admission. */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): StoredObject | KubeStatus {
    return deleteObject(
      this.store,
      this.#deps.clock,
      this.get(type, namespace, name),
      type,
      options,
    );
  }

  #commitUpdate(type: ResourceType, next: KubeObject, previous: StoredObject): StoredObject {
    const metadata = updatedMetadata(next, previous, this.store.nextRevision());
    // A body without managedFields keeps the stored ones, so an unchanged PUT stays a no-op.
    metadata.managedFields ??= previous.metadata.managedFields;
    if (metadata.managedFields === undefined) delete metadata.managedFields;
    if (type.hasGeneration && specOf(next) !== specOf(previous)) {
      metadata.generation = (previous.metadata.generation ?? 0) + 1;
    }
    const candidate: StoredObject = { ...next, metadata };
    const unchanged = {
      ...candidate,
      metadata: { ...metadata, resourceVersion: previous.metadata.resourceVersion },
    };
    if (stableJson(unchanged) === stableJson(previous)) return previous;
    const isFinalized = metadata.deletionTimestamp && !metadata.finalizers?.length;
    if (isFinalized) return this.store.remove(type, candidate);
    return this.store.put(type, withManagedFields(type, this.store, candidate, previous));
  }

  #targetNamespace(type: ResourceType, object: KubeObject, namespace: string | undefined): string {
    const own = object.metadata.namespace;
    if (namespace && own && own !== namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    const chosen = namespace ?? own;
    if (!chosen) throw badRequest(`a namespace is required to create ${type.plural}`);
    return chosen;
  }

  #checkNamespaceOpen(type: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get(namespaceType, undefined, namespace);
    if (!ns) throw notFound(namespaceType, namespace);
    if (!ns.metadata.deletionTimestamp) return;
    const message = `unable to create new content in namespace ${namespace} because it is being terminated`;
    const cause = {
      reason: 'NamespaceTerminating',
      message: `namespace ${namespace} is being terminated`,
      field: 'metadata.namespace',
    };
    throw new KubeError(403, 'Forbidden', `${type.plural} "${name}" is forbidden: ${message}`, {
      name,
      kind: type.plural,
      causes: [cause],
    });
  }

  #validate(type: ResourceType, object: KubeObject, name: string): void {
    const causes = hooksFor(type).validate?.(object) ?? [];
    if (causes.length > 0) throw invalid(type, name, causes);
  }

  #allocateServiceIp(): string {
    const n = this.#nextServiceIp++;
    return `10.96.${Math.floor(n / 256)}.${n % 256}`;
  }
}

function dropUndefinedStatus(object: KubeObject): KubeObject {
  if (object['status'] !== undefined) return object;
  const copy = { ...object };
  delete copy['status'];
  return copy;
}

function checkIdentity(object: KubeObject, namespace: string | undefined, name: string): void {
  const own = object.metadata.name;
  if (own !== undefined && own !== name) {
    throw badRequest(
      `the name of the object (${String(own)}) does not match the name on the URL (${name})`,
    );
  }
  if (namespace && object.metadata.namespace && object.metadata.namespace !== namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
}

/** The object to store: for `status` only the new status; otherwise the new object with the old status. */
function nextState(
  type: ResourceType,
  object: KubeObject,
  previous: StoredObject,
  subresource?: 'status',
  context?: HookContext,
): KubeObject {
  if (subresource === 'status') return { ...previous, status: object['status'] };
  const next = type.hasStatus
    ? dropUndefinedStatus({ ...object, status: previous['status'] })
    : object;
  return hooksFor(type).defaultUpdate?.(next, previous, context) ?? next;
}
