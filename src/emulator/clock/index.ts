export * from './wall-clock.js';
export * from './timer-queue.js';
export * from './virtual-clock.js';
export * from './realtime-driver.js';
export * from './seeded-random.js';
export * from './random-lease.js';
