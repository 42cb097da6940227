// Protobuf field numbers of core/v1 PodTemplateSpec and what it holds (containers, volumes, probes).
import { objectMeta } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';

const named: Schema = { 1: ['name', 'string'] };
// Go embeds LocalObjectReference in key selectors and env sources; JSON flattens its `name`.
const reference = ['localObjectReference', { message: named, isInline: true }] as const;
const keySelector: Schema = { 1: reference, 2: ['key', 'string'], 3: ['optional', 'bool'] };

const envVar: Schema = {
  1: ['name', 'string'],
  2: ['value', 'string'],
  3: [
    'valueFrom',
    {
      message: {
        1: ['fieldRef', { message: { 1: ['apiVersion', 'string'], 2: ['fieldPath', 'string'] } }],
        3: ['configMapKeyRef', { message: keySelector }],
        4: ['secretKeyRef', { message: keySelector }],
      },
    },
  ],
};

const envSource: Schema = { 1: reference, 2: ['optional', 'bool'] };
const envFrom: Schema = {
  1: ['prefix', 'string'],
  2: ['configMapRef', { message: envSource }],
  3: ['secretRef', { message: envSource }],
};

const containerPort: Schema = {
  1: ['name', 'string'],
  2: ['hostPort', 'int,omitempty'],
  3: ['containerPort', 'int,omitempty'],
  4: ['protocol', 'string'],
  5: ['hostIP', 'string'],
};

const resources: Schema = { 1: ['limits', 'quantityMap'], 2: ['requests', 'quantityMap'] };

const volumeMount: Schema = {
  1: ['name', 'string'],
  2: ['readOnly', 'bool,omitempty'],
  3: ['mountPath', 'string'],
  4: ['subPath', 'string'],
  5: ['mountPropagation', 'string'],
  6: ['subPathExpr', 'string'],
};

const probeHandler: Schema = {
  1: ['exec', { message: { 1: ['command', 'strings'] } }],
  2: [
    'httpGet',
    {
      message: {
        1: ['path', 'string'],
        2: ['port', 'intOrString,omitempty'],
        3: ['host', 'string'],
        4: ['scheme', 'string'],
      },
    },
  ],
  3: ['tcpSocket', { message: { 1: ['port', 'intOrString,omitempty'], 2: ['host', 'string'] } }],
};

const probe: Schema = {
  1: ['handler', { message: probeHandler, isInline: true }],
  2: ['initialDelaySeconds', 'int,omitempty'],
  3: ['timeoutSeconds', 'int,omitempty'],
  4: ['periodSeconds', 'int,omitempty'],
  5: ['successThreshold', 'int,omitempty'],
  6: ['failureThreshold', 'int,omitempty'],
  7: ['terminationGracePeriodSeconds', 'int'],
};

const securityContext: Schema = {
  1: ['capabilities', { message: { 1: ['add', 'strings'], 2: ['drop', 'strings'] } }],
  2: ['privileged', 'bool'],
  4: ['runAsUser', 'int'],
  5: ['runAsNonRoot', 'bool'],
  6: ['readOnlyRootFilesystem', 'bool'],
  7: ['allowPrivilegeEscalation', 'bool'],
  8: ['runAsGroup', 'int'],
};

/** core/v1 Container (also used for init containers). */
const container: Schema = {
  1: ['name', 'string'],
  2: ['image', 'string'],
  3: ['command', 'strings'],
  4: ['args', 'strings'],
  5: ['workingDir', 'string'],
  6: ['ports', { message: containerPort, isRepeated: true }],
  7: ['env', { message: envVar, isRepeated: true }],
  8: ['resources', { message: resources }],
  9: ['volumeMounts', { message: volumeMount, isRepeated: true }],
  10: ['livenessProbe', { message: probe }],
  11: ['readinessProbe', { message: probe }],
  13: ['terminationMessagePath', 'string'],
  14: ['imagePullPolicy', 'string'],
  15: ['securityContext', { message: securityContext }],
  16: ['stdin', 'bool,omitempty'],
  17: ['stdinOnce', 'bool,omitempty'],
  18: ['tty', 'bool,omitempty'],
  19: ['envFrom', { message: envFrom, isRepeated: true }],
  20: ['terminationMessagePolicy', 'string'],
  22: ['startupProbe', { message: probe }],
  24: ['restartPolicy', 'string'],
};

const keyToPath: Schema = { 1: ['key', 'string'], 2: ['path', 'string'], 3: ['mode', 'int'] };
const fileSource = (first: Schema[number]): Schema => ({
  1: first,
  2: ['items', { message: keyToPath, isRepeated: true }],
  3: ['defaultMode', 'int'],
  4: ['optional', 'bool'],
});

// Go embeds VolumeSource in Volume; JSON puts its one set source beside `name`.
const volumeSource: Schema = {
  1: ['hostPath', { message: { 1: ['path', 'string'], 2: ['type', 'string'] } }],
  2: ['emptyDir', { message: { 1: ['medium', 'string'], 2: ['sizeLimit', 'quantity'] } }],
  6: ['secret', { message: fileSource(['secretName', 'string']) }],
  10: [
    'persistentVolumeClaim',
    { message: { 1: ['claimName', 'string'], 2: ['readOnly', 'bool,omitempty'] } },
  ],
  19: ['configMap', { message: fileSource(reference) }],
};

const volume: Schema = {
  1: ['name', 'string'],
  2: ['volumeSource', { message: volumeSource, isInline: true }],
};

const toleration: Schema = {
  1: ['key', 'string'],
  2: ['operator', 'string'],
  3: ['value', 'string'],
  4: ['effect', 'string'],
  5: ['tolerationSeconds', 'int'],
};

const podSecurityContext: Schema = {
  2: ['runAsUser', 'int'],
  3: ['runAsNonRoot', 'bool'],
  5: ['fsGroup', 'int'],
  6: ['runAsGroup', 'int'],
};

/** core/v1 PodSpec: the fields kubectl's generators and copied templates carry. */
export const podSpec: Schema = {
  1: ['volumes', { message: volume, isRepeated: true }],
  2: ['containers', { message: container, isRepeated: true }],
  3: ['restartPolicy', 'string'],
  4: ['terminationGracePeriodSeconds', 'int'],
  5: ['activeDeadlineSeconds', 'int'],
  6: ['dnsPolicy', 'string'],
  7: ['nodeSelector', 'stringMap'],
  8: ['serviceAccountName', 'string'],
  9: ['serviceAccount', 'string'],
  10: ['nodeName', 'string'],
  11: ['hostNetwork', 'bool,omitempty'],
  12: ['hostPID', 'bool,omitempty'],
  13: ['hostIPC', 'bool,omitempty'],
  14: ['securityContext', { message: podSecurityContext }],
  15: ['imagePullSecrets', { message: named, isRepeated: true }],
  16: ['hostname', 'string'],
  17: ['subdomain', 'string'],
  19: ['schedulerName', 'string'],
  20: ['initContainers', { message: container, isRepeated: true }],
  21: ['automountServiceAccountToken', 'bool'],
  22: ['tolerations', { message: toleration, isRepeated: true }],
  24: ['priorityClassName', 'string'],
  25: ['priority', 'int'],
  29: ['runtimeClassName', 'string'],
  30: ['enableServiceLinks', 'bool'],
  31: ['preemptionPolicy', 'string'],
};

/** core/v1 PodTemplateSpec. */
export const podTemplateSpec: Schema = {
  1: ['metadata', { message: objectMeta }],
  2: ['spec', { message: podSpec }],
};
