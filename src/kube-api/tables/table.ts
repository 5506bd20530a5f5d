/** meta.k8s.io Tables: what `kubectl get` asks for and prints as columns. */
import type { ObjectMeta } from '../../emulator/kube/meta.js';

/** TableColumnDefinition is metav1.TableColumnDefinition; priority 1 columns show only with `-o wide`. */
export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** Cell is one table cell; kubectl prints numbers and booleans as Go would. */
export type Cell = string | number | boolean;

/** TableRowCondition is metav1.TableRowCondition (`Completed` for finished pods). */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** TableRow is metav1.TableRow. */
export interface TableRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
  object?: unknown;
}

/** Table is metav1.Table. */
export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Printer turns one object into a row: its columns, cells and row conditions (printers.go's handlers). */
export interface Printer<T = any> {
  columns: TableColumnDefinition[];
  cells(object: T, now: number): Cell[];
  conditions?(object: T): TableRowCondition[] | undefined;
}

/** column builds a column definition; `wide` gives it priority 1. */
export function column(name: string, options: { type?: TableColumnDefinition['type']; format?: string; wide?: boolean } = {}): TableColumnDefinition {
  return { name, type: options.type ?? 'string', format: options.format ?? '', description: '', priority: options.wide ? 1 : 0 };
}

/** NAME_COLUMN is the first column of nearly every table; format `name` makes kubectl print `pod/web-0`. */
export const NAME_COLUMN = column('Name', { format: 'name' });

/** AGE_COLUMN is the creation-time age column. */
export const AGE_COLUMN = column('Age');

/** IncludeObject is the includeObject query parameter (Metadata unless `--sort-by` asks for Object). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** partialObjectMetadata is the row object kubectl reads the NAMESPACE column from. */
export function partialObjectMetadata(object: { metadata: ObjectMeta }): { kind: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1'; metadata: ObjectMeta } {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

/** TableOptions are what a table request fixes: the time ages are measured at, the row objects and the list's version. */
export interface TableOptions {
  now: number;
  includeObject?: IncludeObject;
  resourceVersion?: string;
  /** apiVersion is `meta.k8s.io/v1` unless the client negotiated v1beta1. */
  apiVersion?: string;
  /** noHeaders leaves columnDefinitions empty, as a watch may after its first event. */
  noHeaders?: boolean;
}

/** buildTable prints objects as a Table with every column (the server always prints wide; kubectl hides priority 1). */
export function buildTable<T extends { metadata: ObjectMeta }>(objects: readonly T[], printer: Printer<T>, options: TableOptions): Table {
  const include = options.includeObject ?? 'Metadata';
  const rows = objects.map((o) => {
    const row: TableRow = { cells: printer.cells(o, options.now) };
    const conditions = printer.conditions?.(o);
    if (conditions) row.conditions = conditions;
    if (include === 'Metadata') row.object = partialObjectMetadata(o);
    if (include === 'Object') row.object = o;
    return row;
  });
  const metadata = options.resourceVersion !== undefined ? { resourceVersion: options.resourceVersion } : {};
  return { kind: 'Table', apiVersion: options.apiVersion ?? 'meta.k8s.io/v1', metadata, columnDefinitions: options.noHeaders ? [] : printer.columns, rows };
}
