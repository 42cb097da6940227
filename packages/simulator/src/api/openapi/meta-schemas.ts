// Schemas of apimachinery's shared types: ObjectMeta, selectors, conditions, quantities, times.
import type { Schema } from './schema-dsl.ts';
import {
  bool,
  int64,
  names,
  object,
  open,
  ref,
  refList,
  str,
  strList,
  strMap,
} from './schema-dsl.ts';

const { meta } = names;

const objectMeta = object('ObjectMeta is metadata that all persisted resources must have.', {
  name: str('Name must be unique within a namespace and identifies the object.'),
  generateName: str('An optional prefix the server uses to generate a unique name.'),
  namespace: str('Namespace defines the space within which the name must be unique.'),
  uid: str('UID is the unique in time and space value for this object, set by the server.'),
  resourceVersion: str('An opaque value that represents the internal version of this object.'),
  generation: int64('A sequence number representing a specific generation of the desired state.'),
  creationTimestamp: ref(meta('Time'), 'The time this object was created, set by the server.'),
  deletionTimestamp: ref(meta('Time'), 'The time after which this resource will be deleted.'),
  deletionGracePeriodSeconds: int64('Seconds allowed for graceful termination before removal.'),
  labels: strMap('Map of string keys and values used to organize and select objects.'),
  annotations: strMap('Unstructured key value map stored with a resource for tools to use.'),
  ownerReferences: refList(meta('OwnerReference'), 'Objects this object depends on.', {
    keys: ['uid'],
  }),
  finalizers: strList('Must be empty before the object is deleted from the registry.', {
    listType: 'set',
  }),
  managedFields: refList(
    meta('ManagedFieldsEntry'),
    'Maps workflow ids and versions to the set of fields each manages.',
  ),
  selfLink: str('Deprecated: a URL representing this object, no longer populated.'),
});

const ownerReference = object(
  'OwnerReference identifies an owning object, which must be in the same namespace.',
  {
    apiVersion: str('API version of the referent.'),
    kind: str('Kind of the referent.'),
    name: str('Name of the referent.'),
    uid: str('UID of the referent.'),
    controller: bool('If true, this reference points to the managing controller.'),
    blockOwnerDeletion: bool(
      'If true, the owner cannot be deleted until this reference is removed.',
    ),
  },
  ['apiVersion', 'kind', 'name', 'uid'],
);

const managedFieldsEntry = object(
  'ManagedFieldsEntry records the fields a workflow manages, and the operation it used.',
  {
    manager: str('Identifier of the workflow managing these fields.'),
    operation: str('The type of operation which led to this entry: Apply or Update.'),
    apiVersion: str('The version of the resource this field set applies to.'),
    time: ref(meta('Time'), 'When the fields were last changed by this manager.'),
    fieldsType: str('The discriminator for the fields format; only FieldsV1 is used.'),
    fieldsV1: ref(meta('FieldsV1'), 'The field set in FieldsV1 format.'),
    subresource: str('The subresource used to update the object, empty for the main resource.'),
  },
);

const labelSelector = object('A label query over a set of resources; the requirements are ANDed.', {
  matchLabels: strMap('A map of {key,value} pairs, each equivalent to an In requirement.'),
  matchExpressions: refList(meta('LabelSelectorRequirement'), 'A list of label requirements.'),
});

const labelSelectorRequirement = object(
  'A selector that contains a key, an operator and values.',
  {
    key: str('The label key that the selector applies to.'),
    operator: str("The key's relationship to the values: In, NotIn, Exists or DoesNotExist."),
    values: strList('An array of string values, empty for Exists and DoesNotExist.'),
  },
  ['key', 'operator'],
);

const condition = object(
  'Condition contains details for one aspect of the current state of this resource.',
  {
    type: str('Type of condition in CamelCase.'),
    status: str('Status of the condition: True, False or Unknown.'),
    observedGeneration: int64('The generation the condition was set based upon.'),
    lastTransitionTime: ref(meta('Time'), 'The last time the condition changed status.'),
    reason: str("A programmatic identifier of the reason for the condition's last transition."),
    message: str('A human readable message with details about the transition.'),
  },
  ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
);

/** apimachinery's shared schemas, by component name. */
export const metaSchemas: Readonly<Record<string, Schema>> = {
  [meta('ObjectMeta')]: objectMeta,
  [meta('OwnerReference')]: { ...ownerReference, 'x-kubernetes-map-type': 'atomic' },
  [meta('ManagedFieldsEntry')]: managedFieldsEntry,
  [meta('FieldsV1')]: open('FieldsV1 stores a set of fields in a JSON-like trie.'),
  [meta('LabelSelector')]: { ...labelSelector, 'x-kubernetes-map-type': 'atomic' },
  [meta('LabelSelectorRequirement')]: labelSelectorRequirement,
  [meta('Condition')]: condition,
  [meta('Time')]: str('Time is a timestamp in RFC 3339 form.', { format: 'date-time' }),
  [meta('MicroTime')]: str('MicroTime is a timestamp with microseconds.', { format: 'date-time' }),
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    description: 'Quantity is a fixed-point number such as 500m, 1Gi or 2.',
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    description: 'IntOrString holds an int32 or a string.',
    type: 'string',
    format: 'int-or-string',
  },
};
