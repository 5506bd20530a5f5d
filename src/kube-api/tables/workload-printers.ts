/** Tables of the workload controllers, as kubectl's printers.go prints them. */
import type { LabelSelector } from '../../emulator/kube/meta.js';
import { containerCells, formatLabels, formatSelector } from './format.js';
import { timestampSince } from './human-duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from './table.js';

type Template = { spec?: { containers?: Array<{ name: string; image?: string }>; nodeSelector?: Record<string, string> } };

/** PrintableWorkload is the part of a Deployment, ReplicaSet, StatefulSet or DaemonSet the printers read. */
export interface PrintableWorkload {
  metadata: { name?: string; creationTimestamp?: string };
  spec?: { replicas?: number; selector?: LabelSelector | Record<string, string>; template?: Template };
  status?: Record<string, number | unknown>;
}

const int = (w: PrintableWorkload, field: string): number => {
  const v = w.status?.[field];
  return typeof v === 'number' ? v : 0;
};
const replicas = (w: PrintableWorkload): number => w.spec?.replicas ?? 1;
const age = (w: PrintableWorkload, now: number): string => timestampSince(w.metadata.creationTimestamp, now);
const wideCells = (w: PrintableWorkload): string[] => containerCells(w.spec?.template?.spec?.containers);
const WIDE = [column('Containers', { wide: true }), column('Images', { wide: true })];
const SELECTOR = column('Selector', { wide: true });

/** DEPLOYMENT_PRINTER prints NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR. */
export const DEPLOYMENT_PRINTER: Printer<PrintableWorkload> = {
  columns: [NAME_COLUMN, column('Ready'), column('Up-to-date', { type: 'integer' }), column('Available', { type: 'integer' }), AGE_COLUMN, ...WIDE, SELECTOR],
  cells: (d, now) => [
    d.metadata.name ?? '',
    `${int(d, 'readyReplicas')}/${replicas(d)}`,
    int(d, 'updatedReplicas'),
    int(d, 'availableReplicas'),
    age(d, now),
    ...wideCells(d),
    formatSelector(d.spec?.selector as LabelSelector | undefined),
  ],
};

/** REPLICASET_PRINTER prints NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR. */
export const REPLICASET_PRINTER: Printer<PrintableWorkload> = {
  columns: [NAME_COLUMN, column('Desired', { type: 'integer' }), column('Current', { type: 'integer' }), column('Ready', { type: 'integer' }), AGE_COLUMN, ...WIDE, SELECTOR],
  cells: (rs, now) => [
    rs.metadata.name ?? '',
    replicas(rs),
    int(rs, 'replicas'),
    int(rs, 'readyReplicas'),
    age(rs, now),
    ...wideCells(rs),
    formatSelector(rs.spec?.selector as LabelSelector | undefined),
  ],
};

/** REPLICATIONCONTROLLER_PRINTER is the ReplicaSet table with a plain map selector. */
export const REPLICATIONCONTROLLER_PRINTER: Printer<PrintableWorkload> = {
  columns: REPLICASET_PRINTER.columns,
  cells: (rc, now) => [...REPLICASET_PRINTER.cells(rc, now).slice(0, -1), formatLabels(rc.spec?.selector as Record<string, string> | undefined)],
};

/** STATEFULSET_PRINTER prints NAME READY AGE, wide CONTAINERS IMAGES. */
export const STATEFULSET_PRINTER: Printer<PrintableWorkload> = {
  columns: [NAME_COLUMN, column('Ready'), AGE_COLUMN, ...WIDE],
  cells: (s, now) => [s.metadata.name ?? '', `${int(s, 'readyReplicas')}/${replicas(s)}`, age(s, now), ...wideCells(s)],
};

/** DAEMONSET_PRINTER prints NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide CONTAINERS IMAGES SELECTOR. */
export const DAEMONSET_PRINTER: Printer<PrintableWorkload> = {
  columns: [
    NAME_COLUMN,
    column('Desired', { type: 'integer' }),
    column('Current', { type: 'integer' }),
    column('Ready', { type: 'integer' }),
    column('Up-to-date', { type: 'integer' }),
    column('Available', { type: 'integer' }),
    column('Node Selector'),
    AGE_COLUMN,
    ...WIDE,
    SELECTOR,
  ],
  cells: (ds, now) => [
    ds.metadata.name ?? '',
    int(ds, 'desiredNumberScheduled'),
    int(ds, 'currentNumberScheduled'),
    int(ds, 'numberReady'),
    int(ds, 'updatedNumberScheduled'),
    int(ds, 'numberAvailable'),
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    age(ds, now),
    ...wideCells(ds),
    formatSelector(ds.spec?.selector as LabelSelector | undefined),
  ],
};
