// Protobuf field numbers of core/v1 Service, as `kubectl create service …` sends it.
import { metadata } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';

const servicePort: Schema = {
  1: ['name', 'string'],
  2: ['protocol', 'string'],
  3: ['port', 'int,omitempty'],
  // A value field, always on the wire; zero means "same as port", which absence also means.
  4: ['targetPort', 'intOrString,omitempty'],
  5: ['nodePort', 'int,omitempty'],
  6: ['appProtocol', 'string'],
};

const serviceSpec: Schema = {
  1: ['ports', { message: servicePort, isRepeated: true }],
  2: ['selector', 'stringMap'],
  3: ['clusterIP', 'string'],
  4: ['type', 'string'],
  5: ['externalIPs', 'strings'],
  7: ['sessionAffinity', 'string'],
  8: ['loadBalancerIP', 'string'],
  9: ['loadBalancerSourceRanges', 'strings'],
  10: ['externalName', 'string'],
  11: ['externalTrafficPolicy', 'string'],
  12: ['healthCheckNodePort', 'int,omitempty'],
  13: ['publishNotReadyAddresses', 'bool,omitempty'],
  17: ['ipFamilyPolicy', 'string'],
  18: ['clusterIPs', 'strings'],
  19: ['ipFamilies', 'strings'],
  20: ['allocateLoadBalancerNodePorts', 'bool'],
  21: ['loadBalancerClass', 'string'],
  22: ['internalTrafficPolicy', 'string'],
  23: ['trafficDistribution', 'string'],
};

/** Messages by `apiVersion/kind`. */
export const serviceSchemas: Readonly<Record<string, Schema>> = {
  'v1/Service': { 1: metadata, 2: ['spec', { message: serviceSpec }] },
};
