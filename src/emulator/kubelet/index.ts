export * from './quantity.js';
export * from './node-resources.js';
export * from './node-conditions.js';
export * from './pod-stages.js';
export * from './pod-lifecycle.js';
export * from './pod-facts.js';
export * from './container-ids.js';
export * from './stage-gates.js';
