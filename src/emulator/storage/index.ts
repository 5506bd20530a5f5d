/** The storage physics of a TKE cluster: CBS rules, the PV binder, attach/detach, claims and the scheduler's volume checks. */
export * from './cbs.js';
export * from './storage-classes.js';
export * from './storage-class-validation.js';
export * from './volume-matching.js';
export * from './provisioning.js';
export * from './binding.js';
export * from './event-memory.js';
export * from './storage-world.js';
export { syncUnboundClaim, MSG_NO_CLASS, MSG_WAIT_FOR_CONSUMER, externalProvisioningMessage, type SyncRound } from './claim-sync.js';
export * from './volume-sync.js';
export * from './pv-binder.js';
export * from './pod-volumes.js';
export * from './multi-attach.js';
export * from './attach-detach.js';
export * from './volume-binding-filter.js';
export * from './volume-zone-filter.js';
export * from './volume-limits-filter.js';
export * from './statefulset-claims.js';
