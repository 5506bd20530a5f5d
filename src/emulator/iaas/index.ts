export * from './ipv4.js';
export * from './regions.js';
export * from './instance-types.js';
export * from './physical-hosts.js';
