export * from './quantity.js';
export * from './node-resources.js';
export * from './node-conditions.js';
export * from './pod-stages.js';
export * from './pod-lifecycle.js';
