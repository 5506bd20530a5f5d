import { statusAction } from '../controllers/helpers/events.js';
import { clone } from '../controllers/helpers/json.js';
import { getObject, LABEL_ZONE, listObjects, type Node, type PersistentVolume, type PersistentVolumeClaim, type StorageClass } from '../kube/index.js';
import { ANN_SELECTED_NODE, bindClaimActions, bindVolumeActions, PV_CONTROLLER } from './binding.js';
import { CBS_PROVISIONER, newDiskId } from './cbs.js';
import { reportOnce } from './event-memory.js';
import { chooseZone, planCbsVolume, zoneFromClass } from './provisioning.js';
import { isCbsClass } from './storage-class-validation.js';
import { bindingModeOf, claimClassName, defaultStorageClassIn } from './storage-classes.js';
import type { StorageWorld, VolumeWork } from './storage-world.js';
import { findMatchingVolume, isBoundTo } from './volume-matching.js';

/** An unbound claim's sync (syncUnboundClaim): bind a fitting volume, provision a CBS one, or say why it waits. */

/** MSG_NO_CLASS is Kubernetes' FailedBinding message for a claim with no fitting volume and no class. */
export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';
/** MSG_WAIT_FOR_CONSUMER is Kubernetes' message for a claim whose class binds only once a pod is scheduled. */
export const MSG_WAIT_FOR_CONSUMER = 'waiting for first consumer to be created before binding';
/** externalProvisioningMessage is what a claim of a provisioner the cluster does not run waits with. */
export const externalProvisioningMessage = (provisioner: string): string =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

/** SyncRound remembers, within one pass, the volumes already promised and the disk ids already drawn. */
export interface SyncRound {
  readonly takenVolumes: Set<string>;
  readonly drawnDisks: Set<string>;
}

function waiting(world: StorageWorld, work: VolumeWork, claim: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
  if (claim.status?.phase !== 'Pending') work.actions.push(statusAction(claim, { ...claim.status, phase: 'Pending' }));
  work.actions.push(...reportOnce(world.store, world.now, claim, type, reason, message, PV_CONTROLLER));
}

function bind(work: VolumeWork, round: SyncRound, claim: PersistentVolumeClaim, volume: PersistentVolume): void {
  round.takenVolumes.add(volume.metadata.name ?? '');
  work.actions.push(...bindVolumeActions(volume, claim), ...bindClaimActions(claim, volume));
}

/** provisionZone is where a new disk goes: the chosen node's zone when binding waited for it, else the class's, else a node zone picked by claim name. */
function provisionZone(world: StorageWorld, storageClass: StorageClass, claim: PersistentVolumeClaim, node: Node | undefined): string | undefined {
  if (node) return node.metadata.labels?.[LABEL_ZONE];
  const zones = listObjects<Node>(world.store, 'Node').flatMap((n) => n.metadata.labels?.[LABEL_ZONE] ?? []);
  return zoneFromClass(storageClass) ?? chooseZone(zones, claim.metadata.name ?? '');
}

function provision(world: StorageWorld, work: VolumeWork, round: SyncRound, claim: PersistentVolumeClaim, storageClass: StorageClass, node: Node | undefined): void {
  const zone = provisionZone(world, storageClass, claim, node);
  if (!zone) return waiting(world, work, claim, 'Warning', 'ProvisioningFailed', `Failed to provision volume with StorageClass "${storageClass.metadata.name}": no zone to create the CBS disk in`);
  const diskId = newDiskId(world.random, (id) => world.disks.has(id) || round.drawnDisks.has(id));
  const plan = planCbsVolume(claim, storageClass, zone, diskId);
  if (!plan.ok) return waiting(world, work, claim, 'Warning', 'ProvisioningFailed', plan.message);
  round.drawnDisks.add(diskId);
  round.takenVolumes.add(plan.volume.metadata.name ?? '');
  work.createDisks.push(plan.disk);
  const message = `Successfully provisioned volume ${plan.volume.metadata.name} using ${CBS_PROVISIONER}`;
  work.actions.push({ type: 'create', object: plan.volume }, ...bindClaimActions(claim, plan.volume), ...reportOnce(world.store, world.now, claim, 'Normal', 'ProvisioningSucceeded', message, PV_CONTROLLER));
}

/** syncUnboundClaim adds to `work` what one claim without a completed binding needs. */
export function syncUnboundClaim(world: StorageWorld, work: VolumeWork, round: SyncRound, claim: PersistentVolumeClaim): void {
  const { store } = world;
  if (claim.spec.volumeName) {
    const volume = getObject<PersistentVolume>(store, 'PersistentVolume', undefined, claim.spec.volumeName);
    if (!volume) return waiting(world, work, claim, 'Normal', 'FailedBinding', `volume "${claim.spec.volumeName}" not found`);
    if (volume.spec.claimRef && !isBoundTo(volume, claim)) return waiting(world, work, claim, 'Warning', 'FailedBinding', `volume "${claim.spec.volumeName}" already bound to a different claim.`);
    return bind(work, round, claim, volume);
  }
  let className = claimClassName(claim);
  if (className === undefined) {
    const fallback = defaultStorageClassIn(store);
    // Kubernetes gives class-less claims the default class retroactively; the next pass binds them.
    if (fallback) return void work.actions.push({ type: 'update', object: { ...clone(claim), spec: { ...clone(claim.spec), storageClassName: fallback.metadata.name } } });
    className = '';
  }
  const storageClass = className ? getObject<StorageClass>(store, 'StorageClass', undefined, className) : undefined;
  const delayed = bindingModeOf(storageClass) === 'WaitForFirstConsumer';
  const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  const node = selected ? getObject<Node>(store, 'Node', undefined, selected) : undefined;
  if (delayed && !node) return waiting(world, work, claim, 'Normal', 'WaitForFirstConsumer', MSG_WAIT_FOR_CONSUMER);
  const candidates = listObjects<PersistentVolume>(store, 'PersistentVolume').filter((v) => !round.takenVolumes.has(v.metadata.name ?? ''));
  const match = findMatchingVolume(claim, candidates, { className, node: delayed ? node : undefined });
  if (match) return bind(work, round, claim, match);
  if (className === '') return waiting(world, work, claim, 'Normal', 'FailedBinding', MSG_NO_CLASS);
  if (!storageClass) return waiting(world, work, claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
  if (!isCbsClass(storageClass)) return waiting(world, work, claim, 'Normal', 'ExternalProvisioning', externalProvisioningMessage(storageClass.provisioner));
  provision(world, work, round, claim, storageClass, delayed ? node : undefined);
}
