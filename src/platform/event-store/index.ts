export * from './event-log.js';
export * from './event-store.js';
export * from './group-commit.js';
export * from './open-event-log.js';
export { staleVersion } from './batch-plan.js';
