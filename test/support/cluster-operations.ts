/** The GraphQL documents tests send, kept in one place. */
export const CREATE_CLUSTER = `mutation ($input: CreateClusterInput!) {
  createCluster(input: $input) { cluster { id name status vpcCidr podCidr serviceCidr version nodeCount } }
}`;

export const ADD_NODES = `mutation ($input: AddNodesInput!) {
  addNodes(input: $input) { cluster { id version nodeCount } nodes { name privateIp hostIp podCidr instanceId } }
}`;

export const REMOVE_NODE = `mutation ($input: RemoveNodeInput!) {
  removeNode(input: $input) { removedNode cluster { id version nodeCount } }
}`;

export const DELETE_CLUSTER = `mutation ($input: DeleteClusterInput!) { deleteCluster(input: $input) { clusterId } }`;

export const CLUSTER = `query ($id: ID!) {
  cluster(id: $id) {
    id name region zone status version nodeCount
    nodes { name privateIp hostIp podCidr capacity { cpu memory pods } allocatable { cpu memory pods } conditions { type status reason message } }
  }
}`;

export const CLUSTERS = `query { clusters { totalCount nodes { id name status nodeCount } } }`;

export const EVENTS = `query ($prefix: String, $after: String, $first: Int) {
  events(streamPrefix: $prefix, after: $after, first: $first) {
    nodes { position streamId streamVersion type data metadata { accountId actor commandId virtualTime randomDraws } }
    pageInfo { hasNextPage endCursor }
  }
}`;
