/** Tables of events, leases, ingresses and storage objects, as kubectl's printers.go prints them. */
import type { Event, Lease } from '../../emulator/kube/cluster-objects.js';
import type { Ingress } from '../../emulator/kube/ingress.js';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../emulator/kube/storage.js';
import { accessModes, loadBalancerIngress } from './format.js';
import { timestampSince } from './human-duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from './table.js';

type Named = { metadata: { name?: string; creationTimestamp?: string; deletionTimestamp?: string; annotations?: Record<string, string> } };
const age = (o: Named, now: number): string => timestampSince(o.metadata.creationTimestamp, now);

type SeriesEvent = Event & { series?: { count?: number; lastObservedTime?: string }; reportingController?: string };

/** EVENT_PRINTER prints LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME. */
export const EVENT_PRINTER: Printer<SeriesEvent> = {
  columns: [
    column('Last Seen'),
    column('Type'),
    column('Reason'),
    column('Object'),
    column('Subobject', { wide: true }),
    column('Source', { wide: true }),
    column('Message'),
    column('First Seen', { wide: true }),
    column('Count', { wide: true }),
    column('Name', { wide: true, format: 'name' }),
  ],
  cells(e, now) {
    const first = timestampSince(e.firstTimestamp || e.eventTime, now);
    let last = e.lastTimestamp ? timestampSince(e.lastTimestamp, now) : first;
    let count = e.count || 1;
    if (e.series) {
      last = timestampSince(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    }
    const kind = (e.involvedObject?.kind ?? '').toLowerCase();
    const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
    const component = e.source?.component || e.reportingController || '';
    const host = e.source?.host || e.reportingInstance || '';
    const source = component === '' ? '<unknown>' : host === '' ? component : `${component}, ${host}`;
    const message = (e.message ?? '').trim();
    return [last, e.type ?? '', e.reason ?? '', target, e.involvedObject?.fieldPath ?? '', source, message, first, count, e.metadata.name ?? ''];
  },
};

/** LEASE_PRINTER prints NAME HOLDER AGE. */
export const LEASE_PRINTER: Printer<Lease> = {
  columns: [NAME_COLUMN, column('Holder'), AGE_COLUMN],
  cells: (l, now) => [l.metadata.name ?? '', l.spec?.holderIdentity ?? '', age(l, now)],
};

/** ingressHosts is formatHosts: up to three hosts, `*` when none. */
export function ingressHosts(rules: ReadonlyArray<{ host?: string }> | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',');
}

/** INGRESS_PRINTER prints NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const INGRESS_PRINTER: Printer<Ingress> = {
  columns: [NAME_COLUMN, column('Class'), column('Hosts'), column('Address'), column('Ports'), AGE_COLUMN],
  cells: (ing, now) => [
    ing.metadata.name ?? '',
    ing.spec?.ingressClassName ?? '<none>',
    ingressHosts(ing.spec?.rules),
    loadBalancerIngress(ing.status?.loadBalancer),
    (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    age(ing, now),
  ],
};

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
const terminating = (o: Named, phase: string | undefined): string => (o.metadata.deletionTimestamp ? 'Terminating' : (phase ?? ''));

/** PVC_PRINTER prints NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, wide VOLUMEMODE. */
export const PVC_PRINTER: Printer<PersistentVolumeClaim & { spec: { volumeAttributesClassName?: string } }> = {
  columns: [
    NAME_COLUMN,
    column('Status'),
    column('Volume'),
    column('Capacity'),
    column('Access Modes'),
    column('StorageClass'),
    column('VolumeAttributesClass'),
    AGE_COLUMN,
    column('VolumeMode', { wide: true }),
  ],
  cells: (pvc, now) => {
    const bound = !!pvc.spec?.volumeName;
    return [
      pvc.metadata.name ?? '',
      terminating(pvc, pvc.status?.phase),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '0') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      pvc.metadata.annotations?.[BETA_CLASS] ?? pvc.spec?.storageClassName ?? '',
      pvc.spec?.volumeAttributesClassName || '<unset>',
      age(pvc, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** PV_PRINTER prints NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE, wide VOLUMEMODE. */
export const PV_PRINTER: Printer<PersistentVolume> = {
  columns: [
    NAME_COLUMN,
    column('Capacity'),
    column('Access Modes'),
    column('Reclaim Policy'),
    column('Status'),
    column('Claim'),
    column('StorageClass'),
    column('VolumeAttributesClass'),
    column('Reason'),
    AGE_COLUMN,
    column('VolumeMode', { wide: true }),
  ],
  cells: (pv, now) => {
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name}` : '';
    return [
      pv.metadata.name ?? '',
      pv.spec?.capacity?.storage ?? '0',
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      terminating(pv, pv.status?.phase),
      claim,
      pv.metadata.annotations?.[BETA_CLASS] ?? pv.spec?.storageClassName ?? '',
      typeof pv.spec?.volumeAttributesClassName === 'string' && pv.spec.volumeAttributesClassName ? pv.spec.volumeAttributesClassName : '<unset>',
      pv.status?.reason ?? '',
      age(pv, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

const isDefaultClass = (sc: StorageClass): boolean =>
  sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

/** STORAGECLASS_PRINTER prints NAME (default) PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE. */
export const STORAGECLASS_PRINTER: Printer<StorageClass> = {
  columns: [NAME_COLUMN, column('Provisioner'), column('ReclaimPolicy'), column('VolumeBindingMode'), column('AllowVolumeExpansion'), AGE_COLUMN],
  cells: (sc, now) => [
    isDefaultClass(sc) ? `${sc.metadata.name} (default)` : (sc.metadata.name ?? ''),
    sc.provisioner,
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    sc.allowVolumeExpansion ?? false,
    age(sc, now),
  ],
};
