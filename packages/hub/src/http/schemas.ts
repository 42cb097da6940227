// Shared zod schemas of the REST API: names, labels, scopes, times. Every object is strict, so an
// unknown field is a 400 rather than silently ignored.
import { z } from 'zod';
import { clusterNamePattern, environments } from '@flotilla/protocol';
import { kubernetesVerbs, roles } from '../access/can.ts';

export const clusterName = z
  .string()
  .regex(clusterNamePattern, 'must be a DNS-1123 label (a-z, 0-9, -; up to 63)');
export const environment = z.enum(environments);

/** Local user and service-account names: lower-case, digits and `.-_@`, up to 64. */
export const userName = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9._@-]{0,62}[a-z0-9])?$/,
    'must be lower-case letters, digits and . - _ @ (up to 64)',
  );

/** Names a binding may bind: local users, and OIDC users or groups (prefixed, e.g. `oidc:ops`). */
export const subjectName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,127}$/,
    'must be letters, digits and . - _ @ : / (up to 128)',
  );

const labelKey = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    'must be a Kubernetes label key',
  );
const labelValue = z
  .string()
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, 'must be a Kubernetes label value');

export const labels = z.record(labelKey, labelValue);
export const labelPatch = z.record(labelKey, labelValue.nullable());
export const dnsName = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/,
    'must be a DNS name',
  );

/** An ISO-8601 time, normalised to UTC milliseconds so stored times compare as text. */
export const timestamp = z.iso
  .datetime({ offset: true })
  .transform((text) => new Date(text).toISOString());
export const id = z.uuid();
export const description = z.string().max(200);

export const role = z.enum(roles);
export const scope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fleet') }),
  z.strictObject({
    kind: z.literal('environments'),
    environments: z.array(environment).min(1).max(4),
  }),
  z.strictObject({ kind: z.literal('clusters'), clusters: z.array(clusterName).min(1).max(1000) }),
]);
export const kubernetesVerb = z.enum(kubernetesVerbs);

export const nameParams = z.strictObject({ name: clusterName });
export const userParams = z.strictObject({ name: userName });
export const idParams = z.strictObject({ id });

/** `?limit=` as text in the query string. */
export const limit = z.coerce.number().int().min(1).max(1000);

/** `{ items: [...] }` for list answers. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });
