// Public entry point of @flotilla/protocol: the types and codes shared by hub, agent, CLI and web.
export * from './errors.ts';
export * from './fleet.ts';
export * from './tunnel.ts';
export * from './api.ts';
export * from './settings.ts';
export * from './setting-kinds.ts';
export * from './keep-alive.ts';
export * from './kubernetes-status.ts';
export * from './quantity.ts';
