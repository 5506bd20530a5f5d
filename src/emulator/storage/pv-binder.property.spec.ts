import fc from 'fast-check';
import { getObject, listObjects, type PersistentVolume, type PersistentVolumeAccessMode, type PersistentVolumeClaim } from '../kube/index.js';
import { claim, node, storageClass, StorageLab, volume } from './testing/fixtures.js';

type Op =
  | { op: 'claim'; i: number; size: number; className: string | null; mode: PersistentVolumeAccessMode }
  | { op: 'volume'; i: number; size: number; className: string; policy: 'Retain' | 'Delete' }
  | { op: 'deleteClaim'; i: number }
  | { op: 'pass' };

const mode = fc.constantFrom<PersistentVolumeAccessMode>('ReadWriteOnce', 'ReadWriteOnce', 'ReadWriteMany');
const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('claim' as const), i: fc.nat(5), size: fc.integer({ min: 1, max: 40 }), className: fc.constantFrom<string | null>('', 'manual', 'cbs', null), mode }),
    fc.record({ op: fc.constant('volume' as const), i: fc.nat(5), size: fc.integer({ min: 1, max: 40 }), className: fc.constantFrom('', 'manual'), policy: fc.constantFrom<'Retain' | 'Delete'>('Retain', 'Delete') }),
    fc.record({ op: fc.constant('deleteClaim' as const), i: fc.nat(5) }),
    fc.constant({ op: 'pass' as const }),
  ),
  { maxLength: 40 },
);

function apply(lab: StorageLab, o: Op): void {
  if (o.op === 'pass') lab.pass();
  else if (o.op === 'deleteClaim') {
    if (getObject(lab.store, 'PersistentVolumeClaim', 'default', `c${o.i}`)) lab.remove('PersistentVolumeClaim', 'default', `c${o.i}`);
  } else if (o.op === 'claim') {
    if (!getObject(lab.store, 'PersistentVolumeClaim', 'default', `c${o.i}`)) lab.add(claim(`c${o.i}`, { size: `${o.size}Gi`, className: o.className, modes: [o.mode] }));
  } else if (!getObject(lab.store, 'PersistentVolume', undefined, `pv${o.i}`)) {
    lab.add(volume(`pv${o.i}`, `${o.size}Gi`, { className: o.className || undefined, policy: o.policy, diskId: `disk-0000000${o.i}` }));
  }
}

/** checkBindings: every Bound claim has exactly one PV pointing back at it, and every Bound PV one claim pointing at it. */
function checkBindings(lab: StorageLab): void {
  const claims = listObjects<PersistentVolumeClaim>(lab.store, 'PersistentVolumeClaim');
  const volumes = listObjects<PersistentVolume>(lab.store, 'PersistentVolume');
  for (const c of claims.filter((x) => x.status?.phase === 'Bound')) {
    const pointing = volumes.filter((v) => v.spec.claimRef?.uid === c.metadata.uid);
    expect(pointing.map((v) => v.metadata.name)).toEqual([c.spec.volumeName]);
    expect(pointing[0].status?.phase).toBe('Bound');
  }
  for (const v of volumes.filter((x) => x.status?.phase === 'Bound')) {
    const pointing = claims.filter((c) => c.spec.volumeName === v.metadata.name && c.status?.phase === 'Bound');
    expect(pointing.map((c) => c.metadata.uid)).toEqual([v.spec.claimRef?.uid]);
  }
}

describe('binder properties', () => {
  it('keeps every Bound claim with exactly one PV and every Bound PV with exactly one claim, whatever is added or deleted', () => {
    fc.assert(
      fc.property(ops, fc.boolean(), (steps, withDefault) => {
        const lab = new StorageLab().add(node('172.0.0.2'), storageClass('cbs', { isDefault: withDefault }));
        for (const step of steps) {
          apply(lab, step);
          // A user's delete leaves the other half stale until the controller's next pass, as in Kubernetes.
          if (step.op === 'pass') checkBindings(lab);
        }
        lab.settleVolumes();
        checkBindings(lab);
      }),
      { numRuns: 150 },
    );
  });
});
