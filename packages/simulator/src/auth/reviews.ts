// The create-only review kinds: access reviews (`kubectl auth can-i`), rules reviews and whoami.
import { recordAt, stringAt } from '../api/table/json-path.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ResourceType } from '../api/resource-types.ts';
import { badRequest } from '../api/status.ts';
import { isRecord } from '../api/types.ts';
import { authorize, grantsFor } from './rbac-authorizer.ts';
import type { RequestAttributes } from './request-attributes.ts';
import type { UserInfo } from './user.ts';

type Json = Record<string, unknown>;

function attributesOf(spec: Json, namespace: string | undefined): RequestAttributes {
  const resource = recordAt(spec, 'resourceAttributes');
  if (!isRecord(spec['resourceAttributes'])) {
    const nonResource = recordAt(spec, 'nonResourceAttributes');
    return {
      isResourceRequest: false,
      verb: stringAt(nonResource, 'verb'),
      path: stringAt(nonResource, 'path'),
    };
  }
  return {
    isResourceRequest: true,
    verb: stringAt(resource, 'verb'),
    apiGroup: stringAt(resource, 'group'),
    apiVersion: stringAt(resource, 'version'),
    resource: stringAt(resource, 'resource'),
    subresource: stringAt(resource, 'subresource'),
    namespace: namespace ?? stringAt(resource, 'namespace'),
    name: stringAt(resource, 'name'),
  };
}

function subjectOf(spec: Json): UserInfo {
  const groups = Array.isArray(spec['groups'])
    ? spec['groups'].filter((g) => typeof g === 'string')
    : [];
  return { username: stringAt(spec, 'user'), groups };
}

function accessStatus(store: ObjectStore, user: UserInfo, attributes: RequestAttributes): Json {
  const decision = authorize(store, user, attributes);
  return { allowed: decision.isAllowed, ...(decision.reason ? { reason: decision.reason } : {}) };
}

function rulesStatus(store: ObjectStore, user: UserInfo, namespace: string): Json {
  const { grants, errors } = grantsFor(store, user, namespace);
  const rules = grants.flatMap((grant) => grant.rules);
  const resourceRules = rules
    .filter((rule) => !rule.nonResourceURLs?.length)
    .map(({ nonResourceURLs: _, ...rule }) => rule);
  const nonResourceRules = rules
    .filter((rule) => rule.nonResourceURLs?.length)
    .map((rule) => ({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs }));
  const error = errors.length > 0 ? { evaluationError: errors.join(', ') } : {};
  return { resourceRules, nonResourceRules, incomplete: errors.length > 0, ...error };
}

function userInfoJson(user: UserInfo): Json {
  return {
    username: user.username,
    ...(user.uid ? { uid: user.uid } : {}),
    groups: user.groups,
    ...(user.extra ? { extra: user.extra } : {}),
  };
}

/** The answer to a POST of a review kind, as the body the API returns (201 Created). */
export function review(
  store: ObjectStore,
  type: ResourceType,
  call: { user: UserInfo; namespace?: string },
  body: unknown,
): Json {
  if (!isRecord(body))
    throw badRequest(`the object provided is unrecognized (must be of type ${type.kind})`);
  const spec = recordAt(body, 'spec');
  const base = {
    kind: type.kind,
    apiVersion: `${type.group}/${type.version}`,
    metadata: { creationTimestamp: null },
    spec,
  };
  switch (type.kind) {
    case 'SelfSubjectAccessReview':
      return { ...base, status: accessStatus(store, call.user, attributesOf(spec, undefined)) };
    case 'LocalSubjectAccessReview':
      return {
        ...base,
        status: accessStatus(store, subjectOf(spec), attributesOf(spec, call.namespace)),
      };
    case 'SubjectAccessReview':
      return {
        ...base,
        status: accessStatus(store, subjectOf(spec), attributesOf(spec, undefined)),
      };
    case 'SelfSubjectRulesReview':
      return { ...base, status: rulesStatus(store, call.user, stringAt(spec, 'namespace')) };
    default:
      return { ...base, status: { userInfo: userInfoJson(call.user) } };
  }
}
