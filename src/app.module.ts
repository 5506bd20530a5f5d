import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { allProjections } from './app.projections.js';
import { ClusterModule } from './domains/cluster/index.js';
import { NetworkModule } from './domains/network/index.js';
import { StorageModule } from './domains/storage/index.js';
import type { TkesimConfig } from './platform/config/tkesim-config.js';
import { KubeApiModule } from './kube-api/server/kube-api.module.js';
import { GraphqlApiModule } from './platform/graphql/graphql-api.module.js';
import { PlatformModule } from './platform/platform.module.js';

/** AppModule wires the platform, the domains and the public surfaces. */
@Module({})
export class AppModule {
  static forRoot(config: TkesimConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), PlatformModule.forRoot(config, allProjections), GraphqlApiModule.forRoot(config), ClusterModule, StorageModule, NetworkModule, KubeApiModule],
    };
  }
}
