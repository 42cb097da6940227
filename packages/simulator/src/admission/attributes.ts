// What admission knows about one write: the operation, the object before and after, and who asked.
import type { ResourceType } from '../api/resource-types.ts';
import type { KubeObject } from '../api/types.ts';
import type { UserInfo } from '../auth/user.ts';

/** The operations webhooks are called for here. */
export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** One write as admission sees it; for DELETE, `object` is the object being deleted. */
export interface AdmissionAttributes {
  readonly operation: AdmissionOperation;
  readonly type: ResourceType;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name: string;
  readonly object: KubeObject;
  readonly oldObject?: KubeObject;
  readonly user: UserInfo;
  readonly isDryRun: boolean;
}

/** The identity of a write: who made it and whether it is only a dry run. */
export interface WriteRequest {
  readonly user: UserInfo;
  readonly isDryRun?: boolean;
}
