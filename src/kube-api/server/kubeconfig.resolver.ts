import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ClusterView } from '../../domains/cluster/index.js';
import type { GqlContext } from '../../platform/graphql/graphql-context.js';
import { AccountsService } from '../../platform/tenancy/accounts.service.js';
import { requireAccount } from '../../platform/tenancy/caller.js';
import { kubeconfigYaml } from './kubeconfig.js';

/** KubeconfigResolver issues a cluster-scoped token and wraps it in a kubeconfig. */
@Resolver('Cluster')
export class KubeconfigResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField('kubeconfig')
  async kubeconfig(@Context() ctx: GqlContext, @Parent() cluster: ClusterView): Promise<string> {
    const issued = await this.accounts.issueClusterToken(requireAccount(ctx.caller), cluster.id);
    return kubeconfigYaml(ctx.origin ?? 'http://127.0.0.1:4000', cluster.id, issued.token);
  }
}
