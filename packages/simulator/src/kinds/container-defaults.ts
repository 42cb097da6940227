// The API server's defaults inside containers and volumes: pull policy, termination message, ports, probes, modes.
import { fill, record, withList, withRecord } from './defaulting.ts';
import type { Json } from './defaulting.ts';

/**
 * `Always` when the image's tag is `latest` or it has neither tag nor digest, else `IfNotPresent`
 * (a colon before the last slash is a registry port, not a tag).
 */
export function pullPolicyOf(image: string): 'Always' | 'IfNotPresent' {
  const [name = '', digest] = image.split('@');
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  const effectiveTag = tag || (digest === undefined ? 'latest' : '');
  return effectiveTag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHttpGet(action: Json): Json {
  return fill(action, { path: '/', scheme: 'HTTP' });
}

function defaultProbe(probe: Json): Json {
  const filled = fill(probe, {
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  });
  return withRecord(filled, 'httpGet', defaultHttpGet);
}

function defaultLifecycle(lifecycle: Json): Json {
  const handler = (hook: Json): Json => withRecord(hook, 'httpGet', defaultHttpGet);
  return withRecord(withRecord(lifecycle, 'postStart', handler), 'preStop', handler);
}

/** env[].valueFrom.fieldRef gets `apiVersion: v1`. */
function defaultEnv(variable: Json): Json {
  return withRecord(variable, 'valueFrom', (from) =>
    withRecord(from, 'fieldRef', (ref) => fill(ref, { apiVersion: 'v1' })),
  );
}

/** One container (or init or ephemeral container) with the API server's defaults. */
export function defaultContainer(container: Json): Json {
  const image = typeof container['image'] === 'string' ? container['image'] : '';
  let filled = fill(container, {
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: pullPolicyOf(image),
  });
  filled = withList(filled, 'ports', (port) => fill(port, { protocol: 'TCP' }));
  filled = withList(filled, 'env', defaultEnv);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    filled = withRecord(filled, probe, defaultProbe);
  }
  return withRecord(filled, 'lifecycle', defaultLifecycle);
}

const fileModeDefault = { defaultMode: 420 };

/** Downward API items' fieldRefs get `apiVersion: v1`. */
function downwardItems(source: Json): Json {
  return withList(source, 'items', (item) =>
    withRecord(item, 'fieldRef', (ref) => fill(ref, { apiVersion: 'v1' })),
  );
}

function defaultProjection(source: Json): Json {
  const projected = withRecord(source, 'serviceAccountToken', (token) =>
    fill(token, { expirationSeconds: 3600 }),
  );
  return withRecord(projected, 'downwardAPI', downwardItems);
}

/** One volume: no source means an emptyDir; file-backed sources get mode 0644; hostPath an empty type. */
export function defaultVolume(volume: Json): Json {
  if (Object.keys(volume).every((key) => key === 'name')) return { ...volume, emptyDir: {} };
  let filled = volume;
  for (const source of ['secret', 'configMap', 'downwardAPI']) {
    filled = withRecord(filled, source, (value) => fill(value, fileModeDefault));
  }
  filled = withRecord(filled, 'downwardAPI', downwardItems);
  filled = withRecord(filled, 'projected', (projected) =>
    withList(fill(projected, fileModeDefault), 'sources', defaultProjection),
  );
  return withRecord(filled, 'hostPath', (path) => ({ type: '', ...record(path) }));
}
