export * from './quantity.js';
export * from './node-resources.js';
export * from './node-conditions.js';
