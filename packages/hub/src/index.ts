// Public entry point of @flotilla/hub.
export { hubSettings, type HubConfig } from './config.ts';
export { buildHub, type Hub, type HubDeps } from './build-hub.ts';
export { startHub, type RunningHub } from './start-hub.ts';
export { ListenError } from './listen.ts';
export { migrate, openDatabase, type Db } from './store/store.ts';
export type { NewCluster } from './clusters/registry.ts';
// What the REST API answers, for clients (the CLI) to read without restating the shapes.
export type { AuditEventInfo } from './http/audit-routes.ts';
export type { JoinTokenInfo } from './http/join-token-routes.ts';
export type { RoleBindingInfo } from './http/role-binding-routes.ts';
export type { TokenInfo, UserInfo } from './http/user-routes.ts';
