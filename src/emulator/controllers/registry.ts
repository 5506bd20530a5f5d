import type { Controller } from './controller.js';
import { DaemonSetController } from './daemonset/daemonset.controller.js';
import { DeploymentController } from './deployment/deployment.controller.js';
import { EndpointsController } from './endpoints/endpoints.controller.js';
import { GarbageCollectorController } from './garbage-collector/garbage-collector.controller.js';
import { REPLICATION_CONTROLLER, ReplicaSetController } from './replicaset/replicaset.controller.js';
import { StatefulSetController } from './statefulset/statefulset.controller.js';

/**
 * controllers are kube-controller-manager's loops in the order the cluster's control loop runs them: owners before what
 * they own (Deployments make ReplicaSets, which make pods), the endpoints once pods are known, the garbage collector last.
 */
export const controllers: readonly Controller[] = [
  new DeploymentController(),
  new ReplicaSetController(),
  new ReplicaSetController(REPLICATION_CONTROLLER),
  new StatefulSetController(),
  new DaemonSetController(),
  new EndpointsController(),
  new GarbageCollectorController(),
];
