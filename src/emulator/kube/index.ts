export * from './meta.js';
export * from './pod.js';
export * from './node.js';
export * from './quantity.js';
export * from './labels.js';
export * from './object-store.js';
export * from './pod-qos.js';
