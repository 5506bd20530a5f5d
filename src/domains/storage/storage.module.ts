import { Module } from '@nestjs/common';
import { ClusterModule } from '../cluster/index.js';
import { commandHandlers } from './commands/index.js';
import { StorageEmulator } from './emulator/storage-emulator.js';
import { ClusterStorageResolver } from './graphql/cluster-storage.resolver.js';
import { DiskResolver } from './graphql/disk.resolver.js';
import { DisksReadModel } from './projections/disks.read-model.js';

const resolvers = [DiskResolver, ClusterStorageResolver];
const readModels = [DisksReadModel];

/** StorageModule: CBS disks, and the PV binder and attach/detach controller inside every cluster. */
@Module({
  imports: [ClusterModule],
  providers: [...commandHandlers, ...resolvers, ...readModels, StorageEmulator],
  exports: [...readModels],
})
export class StorageModule {}
