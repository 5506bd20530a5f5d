import { AddNodesHandler } from './add-nodes.handler.js';
import { ApplyManifestHandler } from './apply-manifest.handler.js';
import { CreateClusterHandler } from './create-cluster.handler.js';
import { DeleteClusterHandler } from './delete-cluster.handler.js';
import { DeleteResourceHandler } from './delete-resource.handler.js';
import { RemoveNodeHandler } from './remove-node.handler.js';
import { WriteObjectHandler } from './write-object.handler.js';

export * from './cluster.commands.js';

/** commandHandlers are the cluster domain's command handlers. */
export const commandHandlers = [CreateClusterHandler, AddNodesHandler, RemoveNodeHandler, DeleteClusterHandler, DeleteResourceHandler, ApplyManifestHandler, WriteObjectHandler];
