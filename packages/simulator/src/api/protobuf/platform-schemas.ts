// Protobuf field numbers of networking/v1 Ingress and scheduling/v1 PriorityClass, as
// `kubectl create ingress` and `kubectl create priorityclass` send them.
import { metadata } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';

const serviceBackendPort: Schema = {
  1: ['name', 'string'],
  // A value field: kubectl writes a zero number beside a named port, and JSON omits it.
  2: ['number', 'int,omitempty'],
};

const typedLocalObjectReference: Schema = {
  1: ['apiGroup', 'string'],
  2: ['kind', 'string'],
  3: ['name', 'string'],
};

const ingressBackend: Schema = {
  3: ['resource', { message: typedLocalObjectReference }],
  4: [
    'service',
    { message: { 1: ['name', 'string'], 2: ['port', { message: serviceBackendPort }] } },
  ],
};

const httpIngressPath: Schema = {
  1: ['path', 'string'],
  2: ['backend', { message: ingressBackend }],
  3: ['pathType', 'string'],
};

const httpRuleValue: Schema = { 1: ['paths', { message: httpIngressPath, isRepeated: true }] };

const ingressRule: Schema = {
  1: ['host', 'string'],
  // IngressRuleValue is embedded in Go, so its `http` sits beside `host` in JSON.
  2: ['ingressRuleValue', { message: { 1: ['http', { message: httpRuleValue }] }, isInline: true }],
};

const ingressTLS: Schema = { 1: ['hosts', 'strings'], 2: ['secretName', 'string'] };

const ingressSpec: Schema = {
  1: ['defaultBackend', { message: ingressBackend }],
  2: ['tls', { message: ingressTLS, isRepeated: true }],
  3: ['rules', { message: ingressRule, isRepeated: true }],
  4: ['ingressClassName', 'string'],
};

/** Messages by `apiVersion/kind`. Ingress status is the controller's, so it is not read. */
export const platformSchemas: Readonly<Record<string, Schema>> = {
  'networking.k8s.io/v1/Ingress': { 1: metadata, 2: ['spec', { message: ingressSpec }] },
  'scheduling.k8s.io/v1/PriorityClass': {
    1: metadata,
    // A value field without omitempty: JSON shows a zero priority.
    2: ['value', 'int'],
    3: ['globalDefault', 'bool,omitempty'],
    4: ['description', 'string'],
    5: ['preemptionPolicy', 'string'],
  },
};
