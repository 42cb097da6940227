// Public entry point of @flotilla/hub.
export { hubSettings, type HubConfig } from './config.ts';
export { buildHub, type Hub, type HubDeps } from './build-hub.ts';
export { startHub, type RunningHub } from './start-hub.ts';
export { ListenError } from './listen.ts';
export { migrate, openDatabase, type Db } from './store/store.ts';
export type { NewCluster } from './clusters/registry.ts';
