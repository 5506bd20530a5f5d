export type { Controller, ControllerAction, ControllerContext, EventNote, InvolvedObject } from './controller.js';
export { controllers } from './registry.js';
export type { ControllerRevision } from './helpers/controller-revisions.js';
export { DaemonSetController } from './daemonset/daemonset.controller.js';
export { DeploymentController } from './deployment/deployment.controller.js';
export { EndpointsController } from './endpoints/endpoints.controller.js';
export { GarbageCollectorController } from './garbage-collector/garbage-collector.controller.js';
export { ReplicaSetController, REPLICA_SET, REPLICATION_CONTROLLER } from './replicaset/replicaset.controller.js';
export { StatefulSetController } from './statefulset/statefulset.controller.js';
