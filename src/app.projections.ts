import { clustersProjection, kubeObjectsProjection } from './domains/cluster/index.js';
import { networkProjection } from './domains/network/index.js';
import { disksProjection } from './domains/storage/index.js';
import { clocksProjection } from './platform/clock/clocks.projection.js';
import type { AnyProjection } from './platform/kernel/projection.js';
import { accountsProjection } from './platform/tenancy/accounts.projection.js';

/** allProjections are every read model, in the order they fold each event. */
export const allProjections: AnyProjection[] = [accountsProjection, clocksProjection, clustersProjection, kubeObjectsProjection, disksProjection, networkProjection];
