export * from './projection-engine.js';
export * from './projection.service.js';
export * from './replay.js';
