export * from './domain-error.js';
export * from './events.js';
export * from './decider.js';
export * from './projection.js';
export * from './dns-names.js';
