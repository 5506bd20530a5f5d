/** The storage physics of a TKE cluster: CBS rules, the PV binder, attach/detach, claims and the scheduler's volume checks. */
export * from './cbs.js';
