// Impersonate-User / Impersonate-Group / Impersonate-Uid: act as another identity when RBAC allows `impersonate`.
import type { IncomingMessage } from 'node:http';
import { KubeError } from '../api/status.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { forbidden } from './forbidden.ts';
import { authorize } from './rbac-authorizer.ts';
import type { ResourceAttributes } from './request-attributes.ts';
import { serviceAccountOf, withImpliedGroups } from './user.ts';
import type { UserInfo } from './user.ts';

function actingAs(resource: string, name: string, namespace = ''): ResourceAttributes {
  return {
    isResourceRequest: true,
    verb: 'impersonate',
    apiGroup: resource === 'uids' ? 'authentication.k8s.io' : '',
    apiVersion: 'v1',
    resource,
    subresource: '',
    namespace,
    name,
  };
}

function userAttributes(username: string): ResourceAttributes {
  const account = serviceAccountOf(username);
  return account
    ? actingAs('serviceaccounts', account.name, account.namespace)
    : actingAs('users', username);
}

function headerValues(req: IncomingMessage, name: string): string[] {
  return (req.headersDistinct[name] ?? []).map((value) => value.trim()).filter(Boolean);
}

/**
 * The identity a request acts as: `requester`, or the one its Impersonate-* headers name once
 * the requester may impersonate each part (403 with the impersonation attributes otherwise).
 */
export function impersonatedUser(
  store: ObjectStore,
  requester: UserInfo,
  req: IncomingMessage,
): UserInfo {
  const [username] = headerValues(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  const [uid] = headerValues(req, 'impersonate-uid');
  if (username === undefined) {
    if (groups.length === 0 && uid === undefined) return requester;
    throw new KubeError(
      500,
      'InternalError',
      `Internal error occurred: requested impersonation of groups ${JSON.stringify(groups)} without impersonating a user`,
    );
  }
  const checks = [
    userAttributes(username),
    ...groups.map((group) => actingAs('groups', group)),
    ...(uid === undefined ? [] : [actingAs('uids', uid)]),
  ];
  for (const attributes of checks) {
    const decision = authorize(store, requester, attributes);
    if (!decision.isAllowed) throw forbidden(requester.username, attributes, decision.reason);
  }
  return { username, groups: withImpliedGroups(username, groups), ...(uid ? { uid } : {}) };
}
