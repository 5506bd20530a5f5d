import type { ObjectMeta } from './meta.js';

/** ConfigMap and Secret as Kubernetes core/v1 defines them (the console's "config items"). */

/** ConfigMap holds configuration as text (`data`) or base64 bytes (`binaryData`). */
export interface ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** SecretType is a Secret's `type`; each built-in type requires certain keys. */
export type SecretType =
  | 'Opaque'
  | 'kubernetes.io/service-account-token'
  | 'kubernetes.io/dockercfg'
  | 'kubernetes.io/dockerconfigjson'
  | 'kubernetes.io/basic-auth'
  | 'kubernetes.io/ssh-auth'
  | 'kubernetes.io/tls'
  | 'bootstrap.kubernetes.io/token'
  | (string & {});

/** Secret holds base64 `data`; `stringData` is write-only and merged into `data` when the object is prepared. */
export interface Secret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ObjectMeta;
  type?: SecretType;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

/** MAX_SECRET_SIZE is the largest total of a Secret's or ConfigMap's values, in bytes (1 MiB). */
export const MAX_SECRET_SIZE = 1024 * 1024;
