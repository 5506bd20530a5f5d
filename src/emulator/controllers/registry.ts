import type { Controller } from './controller.js';
import { REPLICATION_CONTROLLER, ReplicaSetController } from './replicaset/replicaset.controller.js';

/** controllers are kube-controller-manager's loops in the order the cluster's control loop runs them: owners before what they own. */
export const controllers: readonly Controller[] = [new ReplicaSetController(), new ReplicaSetController(REPLICATION_CONTROLLER)];
