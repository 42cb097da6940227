// Schemas of the core/v1 kinds: pods, namespaces, nodes, services, config, accounts, events.
import type { Schema } from './schema-dsl.ts';
import { bool, int, intOrString, kind, names, object, open, openList } from './schema-dsl.ts';
import { ref, refList, str, strList, strMap, time } from './schema-dsl.ts';

const { core, meta } = names;
const gvk = (kindName: string) => ({ group: '', version: 'v1', kind: kindName });
const spec = (name: string, what: string): Schema => ref(core(name), what);

const podStatus = {
  ...object('The most recently observed status of a pod.', {
    phase: str(
      'Where the pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown.',
    ),
    conditions: refList(meta('Condition'), 'Current service state of the pod.', { keys: ['type'] }),
    message: str('A human readable message about why the pod is in this condition.'),
    reason: str('A brief CamelCase message about why the pod is in this state.'),
    hostIP: str('The IP address of the host the pod is assigned to.'),
    podIP: str('The IP address allocated to the pod.'),
    startTime: time('When the kubelet acknowledged the pod.'),
    qosClass: str('The Quality of Service class assigned to the pod.'),
    containerStatuses: openList('The status of each container in the manifest.'),
  }),
  'x-kubernetes-preserve-unknown-fields': true,
};

const servicePort = object(
  'ServicePort contains information on the service port.',
  {
    name: str('The name of this port within the service.'),
    protocol: str('The IP protocol for this port: TCP, UDP or SCTP.'),
    appProtocol: str('The application protocol for this port.'),
    port: int('The port exposed by this service.'),
    targetPort: intOrString('Number or name of the port to access on the pods.'),
    nodePort: int('The port on each node on which this service is exposed.'),
  },
  ['port'],
);

const serviceSpec = object('ServiceSpec describes the attributes a user creates on a service.', {
  ports: refList(core('ServicePort'), 'The ports exposed by this service.', {
    keys: ['port', 'protocol'],
  }),
  selector: strMap('Routes service traffic to pods with labels matching this selector.'),
  clusterIP: str('The IP address of the service, usually assigned randomly.'),
  clusterIPs: strList('The IP addresses assigned to this service.'),
  type: str('How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
  externalIPs: strList('IP addresses for which nodes also accept traffic for this service.'),
  sessionAffinity: str('ClientIP or None; enables client IP based session affinity.'),
  sessionAffinityConfig: open('The configuration of session affinity.'),
  loadBalancerIP: str('Deprecated: the IP a load balancer should use.'),
  loadBalancerSourceRanges: strList('Client IP ranges a load balancer is restricted to.'),
  loadBalancerClass: str('The class of the load balancer implementation.'),
  externalName: str('The external reference that discovery returns as a CNAME record.'),
  externalTrafficPolicy: str('How nodes distribute external traffic: Cluster or Local.'),
  internalTrafficPolicy: str('How nodes distribute cluster-internal traffic: Cluster or Local.'),
  healthCheckNodePort: int('The health check node port of a LoadBalancer service.'),
  publishNotReadyAddresses: bool('Whether endpoints include addresses of unready pods.'),
  ipFamilies: strList('The IP families assigned to this service.'),
  ipFamilyPolicy: str('The dual-stack-ness of this service.'),
  allocateLoadBalancerNodePorts: bool('Whether node ports are allocated for a LoadBalancer.'),
  trafficDistribution: str('How traffic is distributed to service endpoints.'),
});

const kinds: Record<string, Schema> = {
  [core('Pod')]: kind(gvk('Pod'), 'Pod is a collection of containers that can run on a host.', {
    spec: spec('PodSpec', 'Specification of the desired behavior of the pod.'),
    status: spec('PodStatus', 'Most recently observed status of the pod.'),
  }),
  [core('Namespace')]: kind(gvk('Namespace'), 'Namespace provides a scope for names.', {
    spec: object('The behavior of the namespace.', {
      finalizers: strList('Must be empty before the namespace is removed from storage.'),
    }),
    status: open('The current status of the namespace.'),
  }),
  [core('Node')]: kind(gvk('Node'), 'Node is a worker node in Kubernetes.', {
    spec: object('The behavior of a node.', {
      podCIDR: str('The pod IP range assigned to the node.'),
      podCIDRs: strList('The IP ranges assigned to the node for use by pods.'),
      providerID: str('ID of the node assigned by the cloud provider.'),
      taints: openList("The node's taints."),
      unschedulable: bool('Controls node schedulability of new pods.'),
    }),
    status: open('Most recently observed status of the node.'),
  }),
  [core('Service')]: kind(gvk('Service'), 'A named abstraction of a software service.', {
    spec: spec('ServiceSpec', 'The behavior of the service.'),
    status: open('Most recently observed status of the service.'),
  }),
  [core('ConfigMap')]: kind(gvk('ConfigMap'), 'ConfigMap holds configuration data for pods.', {
    data: strMap('Configuration data of UTF-8 strings.'),
    binaryData: strMap('Binary configuration data, base64 encoded.'),
    immutable: bool('If true, the data cannot be updated.'),
  }),
  [core('Secret')]: kind(gvk('Secret'), 'Secret holds secret data of a certain type.', {
    data: strMap('Secret data, base64 encoded.'),
    stringData: strMap('Write-only secret data given as strings, merged into data.'),
    type: str('Used to facilitate programmatic handling of secret data.'),
    immutable: bool('If true, the data cannot be updated.'),
  }),
  [core('ServiceAccount')]: kind(gvk('ServiceAccount'), 'An identity for processes in pods.', {
    secrets: openList('Secrets in the same namespace that pods running as this account may use.'),
    imagePullSecrets: refList(core('LocalObjectReference'), 'Secrets used to pull images.'),
    automountServiceAccountToken: bool('Whether pods mount an API token by default.'),
  }),
  [core('Event')]: {
    ...kind(gvk('Event'), 'Event is a report of an event somewhere in the cluster.', {
      involvedObject: open('The object this event is about.'),
      reason: str('Short, machine understandable reason for the transition.'),
      message: str('A human-readable description of the status of this operation.'),
      type: str('Type of this event: Normal or Warning.'),
      count: int('The number of times this event has occurred.'),
      firstTimestamp: time('The time the event was first recorded.'),
      lastTimestamp: time('The time of the most recent occurrence.'),
    }),
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [core('Endpoints')]: kind(gvk('Endpoints'), 'The endpoints that implement a service.', {
    subsets: openList('The sets of addresses and ports of the service.'),
  }),
};

/** The core/v1 kinds and their parts, by component name. */
export const coreSchemas: Readonly<Record<string, Schema>> = {
  ...kinds,
  [core('PodStatus')]: podStatus,
  [core('ServiceSpec')]: serviceSpec,
  [core('ServicePort')]: servicePort,
  [core('ObjectReference')]: open('A reference to an object.'),
};
