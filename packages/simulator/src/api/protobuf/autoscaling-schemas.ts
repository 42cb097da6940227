// Protobuf field numbers of autoscaling/v1 HorizontalPodAutoscaler, as `kubectl autoscale` sends it.
import { metadata } from './meta-schemas.ts';
import type { Schema } from './meta-schemas.ts';

const crossVersionObjectReference: Schema = {
  1: ['kind', 'string'],
  2: ['name', 'string'],
  3: ['apiVersion', 'string'],
};

const spec: Schema = {
  1: ['scaleTargetRef', { message: crossVersionObjectReference }],
  2: ['minReplicas', 'int'],
  // A value field without omitempty: JSON shows it even when zero.
  3: ['maxReplicas', 'int'],
  4: ['targetCPUUtilizationPercentage', 'int'],
};

const status: Schema = {
  1: ['observedGeneration', 'int'],
  3: ['currentReplicas', 'int'],
  4: ['desiredReplicas', 'int'],
  5: ['currentCPUUtilizationPercentage', 'int'],
};

/** Messages by `apiVersion/kind`. */
export const autoscalingSchemas: Readonly<Record<string, Schema>> = {
  'autoscaling/v1/HorizontalPodAutoscaler': {
    1: metadata,
    2: ['spec', { message: spec }],
    3: ['status', { message: status }],
  },
};
