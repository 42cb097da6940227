// Resource versions served by converting to and from another version's stored objects (autoscaling/v1 over v2).
import { typeOfKind } from '../resource-types.ts';
import type { ResourceType } from '../resource-types.ts';
import { isRecord } from '../types.ts';
import { hpaFromV1, hpaToV1 } from './hpa-v1.ts';

type Json = Record<string, unknown>;

/** How one served version maps onto the stored version of the same objects. */
export interface Conversion {
  /** The type whose objects are stored (requests are made against it). */
  readonly storage: ResourceType;
  toStorage(object: Json): Json;
  fromStorage(object: Json): Json;
}

const hpaConversion: Conversion = {
  storage: typeOfKind('autoscaling', 'HorizontalPodAutoscaler'),
  toStorage: hpaFromV1,
  fromStorage: hpaToV1,
};

/** The conversion of `type` when it is served over another version's objects. */
export function conversionOf(type: ResourceType): Conversion | undefined {
  const isHpaV1 =
    type.group === 'autoscaling' &&
    type.version === 'v1' &&
    type.kind === 'HorizontalPodAutoscaler';
  return isHpaV1 ? hpaConversion : undefined;
}

/** `object` as `type`'s version shows it: converted when it is a stored object of a converted type. */
export function servedForm(type: ResourceType, object: unknown): unknown {
  const conversion = conversionOf(type);
  if (!conversion || !isRecord(object) || object['kind'] !== type.kind) return object;
  return conversion.fromStorage(object);
}
