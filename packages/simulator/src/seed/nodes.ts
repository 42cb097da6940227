// Node objects as a kubelet registers them: capacity, allocatable, addresses, conditions, node info.
import type { ClusterSpec } from '../cluster-spec.ts';

/** The default node size: a 4-core, 16 GiB machine. */
const defaultCapacity = { cpu: '4', memory: '16Gi', pods: 110 };

function allocatableMemory(memory: string): string {
  const match = /^(\d+)Gi$/.exec(memory);
  return match ? `${Number(match[1]) * 1024 * 1024 - 400 * 1024}Ki` : memory;
}

function conditions(now: string): unknown[] {
  const heartbeat = { lastHeartbeatTime: now, lastTransitionTime: now };
  const healthy = [
    ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ].map(([type, reason, message]) => ({ type, status: 'False', ...heartbeat, reason, message }));
  const ready = {
    type: 'Ready',
    status: 'True',
    ...heartbeat,
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
  };
  return [...healthy, ready];
}

/** The node objects of `spec` (workers named `<cluster>-node-<n>`), as of `now`. */
export function nodeObjects(spec: ClusterSpec, now: string): unknown[] {
  const count = spec.nodes ?? 3;
  const capacity = { ...defaultCapacity, ...spec.nodeCapacity };
  const version = `v${spec.kubernetesVersion ?? '1.32.0'}`;
  return Array.from({ length: count }, (_, i) => {
    const name = `${spec.name}-node-${i + 1}`;
    const labels = {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': name,
      'node.kubernetes.io/instance-type': 'sim.standard',
      'topology.kubernetes.io/zone': `zone-${String.fromCharCode(97 + (i % 3))}`,
    };
    const capacityFields = {
      cpu: capacity.cpu,
      memory: capacity.memory,
      pods: String(capacity.pods),
      'ephemeral-storage': '100Gi',
    };
    const allocatable = { ...capacityFields, memory: allocatableMemory(capacity.memory) };
    const nodeInfo = {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: '6.1.0-flotilla',
      osImage: 'Flotilla Simulated Linux',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion: version,
      kubeProxyVersion: version,
      operatingSystem: 'linux',
      architecture: 'amd64',
    };
    return {
      metadata: { name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } },
      spec: {
        podCIDR: `10.244.${i + 1}.0/24`,
        podCIDRs: [`10.244.${i + 1}.0/24`],
        providerID: `flotilla://${spec.name}/${name}`,
      },
      status: {
        capacity: capacityFields,
        allocatable,
        conditions: conditions(now),
        addresses: [
          { type: 'InternalIP', address: `10.0.0.${i + 10}` },
          { type: 'Hostname', address: name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo,
      },
    };
  });
}
