// Schemas of the pod spec and its parts: containers, ports, env, volumes, resources, probes.
import type { Schema } from './schema-dsl.ts';
import { bool, int, int64, names, object, open, openList } from './schema-dsl.ts';
import { quantityMap, ref, refList, str, strList, strMap } from './schema-dsl.ts';

const { core, meta } = names;

const containers = (what: string): Schema => refList(core('Container'), what, { keys: ['name'] });

const podSpec = object(
  'PodSpec is a description of a pod.',
  {
    containers: containers('List of containers belonging to the pod; there must be at least one.'),
    initContainers: containers('Containers run in order before the app containers start.'),
    ephemeralContainers: containers('Ephemeral containers run in this pod for debugging.'),
    volumes: refList(core('Volume'), 'Volumes that containers of the pod can mount.', {
      keys: ['name'],
    }),
    restartPolicy: str('Restart policy for all containers: Always, OnFailure or Never.'),
    terminationGracePeriodSeconds: int64('Seconds the pod needs to terminate gracefully.'),
    activeDeadlineSeconds: int64('Seconds the pod may be active before the system fails it.'),
    dnsPolicy: str('How DNS is configured for the pod, ClusterFirst by default.'),
    dnsConfig: open('Additional DNS parameters merged into those of the DNS policy.'),
    nodeSelector: strMap('Labels a node must have for the pod to be scheduled onto it.'),
    serviceAccountName: str('Name of the ServiceAccount the pod runs as.'),
    serviceAccount: str('Deprecated alias of serviceAccountName.'),
    automountServiceAccountToken: bool('Whether a service account token is mounted.'),
    nodeName: str('The node the pod is bound to; set by the scheduler.'),
    hostNetwork: bool("Use the host's network namespace."),
    hostPID: bool("Use the host's pid namespace."),
    hostIPC: bool("Use the host's ipc namespace."),
    hostUsers: bool("Use the host's user namespace."),
    shareProcessNamespace: bool('Share a single process namespace between all containers.'),
    securityContext: open('Pod-level security attributes and common container settings.'),
    imagePullSecrets: refList(core('LocalObjectReference'), 'Secrets used to pull images.', {
      keys: ['name'],
    }),
    hostname: str("The pod's hostname; defaults to the system-defined value."),
    subdomain: str('The subdomain of the fully qualified pod hostname.'),
    affinity: open("The pod's scheduling constraints."),
    schedulerName: str('The scheduler that dispatches the pod.'),
    tolerations: refList(core('Toleration'), "The pod's tolerations of node taints."),
    hostAliases: openList('Entries added to the hosts file of the pod.'),
    priorityClassName: str("The name of the pod's priority class."),
    priority: int('The priority value, filled in from the priority class.'),
    preemptionPolicy: str('Policy for preempting pods with lower priority.'),
    readinessGates: openList('Extra conditions evaluated for pod readiness.'),
    runtimeClassName: str('The RuntimeClass used to run this pod.'),
    enableServiceLinks: bool('Whether service information is injected as environment variables.'),
    overhead: quantityMap('Resource overhead of running the pod with its runtime class.'),
    topologySpreadConstraints: openList('How pods spread across topology domains.'),
    setHostnameAsFQDN: bool("If true, the pod's hostname is its fully qualified domain name."),
    os: open('The operating system of the containers in the pod.'),
    schedulingGates: openList('Gates that block scheduling of the pod while present.'),
    resourceClaims: openList('Resource claims the pod needs to start.'),
    resources: ref(core('ResourceRequirements'), 'Total resources the pod may use.'),
  },
  ['containers'],
);

const container = object(
  'A single application container that you want to run within a pod.',
  {
    name: str('Name of the container, unique within the pod.'),
    image: str('Container image name.'),
    command: strList("Entrypoint array; the image's ENTRYPOINT is used if not given."),
    args: strList("Arguments to the entrypoint; the image's CMD is used if not given."),
    workingDir: str("The container's working directory."),
    ports: refList(core('ContainerPort'), 'Ports to expose from the container.', {
      keys: ['containerPort', 'protocol'],
    }),
    envFrom: openList('Sources to populate environment variables from.'),
    env: refList(core('EnvVar'), 'Environment variables to set in the container.', {
      keys: ['name'],
    }),
    resources: ref(core('ResourceRequirements'), 'Compute resources required by this container.'),
    resizePolicy: openList('How the container is resized when its resources change.'),
    restartPolicy: str('Restart behaviour of an init container; Always makes it a sidecar.'),
    volumeMounts: refList(core('VolumeMount'), 'Pod volumes to mount into the filesystem.', {
      keys: ['mountPath'],
    }),
    volumeDevices: openList('Block devices to be used by the container.'),
    livenessProbe: ref(core('Probe'), 'Probe of container liveness; failure restarts it.'),
    readinessProbe: ref(
      core('Probe'),
      'Probe of service readiness; failure removes it from endpoints.',
    ),
    startupProbe: ref(core('Probe'), 'Probe that must succeed before other probes run.'),
    lifecycle: open('Actions taken in response to container lifecycle events.'),
    terminationMessagePath: str('File the termination message is written to.'),
    terminationMessagePolicy: str(
      'How the termination message is populated: File or FallbackToLogsOnError.',
    ),
    imagePullPolicy: str('Image pull policy: Always, Never or IfNotPresent.'),
    securityContext: open('Security options the container runs with.'),
    stdin: bool('Whether the container allocates a buffer for stdin.'),
    stdinOnce: bool('Whether stdin closes after the first attach session.'),
    tty: bool('Whether the container allocates a TTY.'),
  },
  ['name'],
);

const resourceRequirements = object(
  'ResourceRequirements describes the compute resource requirements.',
  {
    limits: quantityMap('The maximum amount of compute resources allowed.'),
    requests: quantityMap('The minimum amount of compute resources required.'),
    claims: openList('Names of resource claims this container uses.'),
  },
);

const containerPort = object(
  'ContainerPort represents a network port in a single container.',
  {
    name: str('An IANA service name for the port, unique within the pod.'),
    containerPort: int("Port number to expose on the pod's IP address."),
    hostPort: int('Port number to expose on the host.'),
    hostIP: str('What host IP to bind the external port to.'),
    protocol: str('Protocol for the port: UDP, TCP or SCTP; defaults to TCP.'),
  },
  ['containerPort'],
);

const envVar = object(
  'EnvVar represents an environment variable present in a container.',
  {
    name: str('Name of the environment variable.'),
    value: str('The value, with $(VAR_NAME) references expanded.'),
    valueFrom: open("Source for the variable's value; cannot be used if value is set."),
  },
  ['name'],
);

const volumeMount = object(
  'VolumeMount describes a mounting of a volume within a container.',
  {
    name: str('The name of the volume to mount.'),
    mountPath: str('Path within the container at which the volume is mounted.'),
    readOnly: bool('Mounted read-only if true.'),
    subPath: str("Path within the volume from which the container's volume is mounted."),
    subPathExpr: str('Like subPath, with $(VAR_NAME) references expanded.'),
    mountPropagation: str('How mounts are propagated between host and container.'),
    recursiveReadOnly: str('Whether read-only mounts are made recursively read-only.'),
  },
  ['name', 'mountPath'],
);

const volumeSources = Object.fromEntries(
  ['configMap', 'secret', 'emptyDir', 'hostPath', 'persistentVolumeClaim', 'projected']
    .concat(['downwardAPI', 'nfs', 'csi', 'ephemeral', 'image', 'iscsi', 'rbd', 'fc', 'cephfs'])
    .concat(['awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cinder'])
    .concat(['flexVolume', 'flocker', 'gitRepo', 'glusterfs', 'photonPersistentDisk'])
    .concat(['portworxVolume', 'quobyte', 'scaleIO', 'storageos', 'vsphereVolume'])
    .map((source) => [source, open(`A ${source} volume source.`)]),
);

const volume = object(
  'Volume represents a named volume in a pod that any container in it may access.',
  { name: str('Name of the volume, unique within the pod.'), ...volumeSources },
  ['name'],
);

const probe = object('Probe describes a health check performed against a container.', {
  exec: open('A command to run in the container.'),
  httpGet: open('An HTTP GET request to perform.'),
  tcpSocket: open('A TCP port to connect to.'),
  grpc: open('A gRPC health check to perform.'),
  initialDelaySeconds: int('Seconds after the container has started before probes begin.'),
  timeoutSeconds: int('Seconds after which the probe times out.'),
  periodSeconds: int('How often, in seconds, to perform the probe.'),
  successThreshold: int('Consecutive successes for the probe to count as successful.'),
  failureThreshold: int('Consecutive failures for the probe to count as failed.'),
  terminationGracePeriodSeconds: int64('Grace period for the pod when this probe fails.'),
});

const toleration = object(
  'The pod this Toleration is attached to tolerates any taint that matches it.',
  {
    key: str('The taint key that the toleration applies to; empty matches all keys.'),
    operator: str("The key's relationship to the value: Exists or Equal."),
    value: str('The taint value the toleration matches to.'),
    effect: str('The taint effect to match; empty matches all effects.'),
    tolerationSeconds: int64('How long the toleration tolerates a NoExecute taint.'),
  },
);

const podTemplateSpec = object(
  'PodTemplateSpec describes the data a pod should have when created from a template.',
  {
    metadata: ref(meta('ObjectMeta'), "Standard object's metadata."),
    spec: ref(core('PodSpec'), 'Specification of the desired behavior of the pod.'),
  },
);

/** The pod spec's schemas, by component name. */
export const podSchemas: Readonly<Record<string, Schema>> = {
  [core('PodSpec')]: podSpec,
  [core('Container')]: container,
  [core('ResourceRequirements')]: resourceRequirements,
  [core('ContainerPort')]: containerPort,
  [core('EnvVar')]: envVar,
  [core('VolumeMount')]: volumeMount,
  [core('Volume')]: volume,
  [core('Probe')]: probe,
  [core('Toleration')]: toleration,
  [core('PodTemplateSpec')]: podTemplateSpec,
  [core('LocalObjectReference')]: {
    ...object('A reference to an object in the same namespace.', {
      name: str('Name of the referent.'),
    }),
    'x-kubernetes-map-type': 'atomic',
  },
};
