/** Accept-header negotiation, matching media-type parameters exactly (`v=v2` is not `v=v2beta1`). */
import type { DiscoveryVersion } from './aggregated.js';

/** MediaRange is one entry of an Accept header: `application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

/** parseAccept splits an Accept header into media ranges, most preferred first (stable by q). */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  const ranges = header.split(',').map((part) => {
    const [type, ...rest] = part.split(';').map((s) => s.trim());
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
    }
    const q = params.q === undefined ? 1 : Number(params.q);
    delete params.q;
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 };
  });
  return ranges.filter((r) => r.type !== '' && r.q > 0).sort((a, b) => b.q - a.q);
}

const acceptsJson = (r: MediaRange): boolean => r.type === 'application/json' || r.type === 'application/*' || r.type === '*/*';

/** DISCOVERY_CONTENT_TYPES are the Content-Type values an aggregated discovery reply must carry. */
export const DISCOVERY_CONTENT_TYPES: Record<DiscoveryVersion, string> = {
  v2: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  v2beta1: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
};

/** negotiateDiscovery picks the aggregated version the client asked for first, or 'legacy' for plain JSON. */
export function negotiateDiscovery(header: string | undefined): DiscoveryVersion | 'legacy' {
  for (const r of parseAccept(header)) {
    if (!acceptsJson(r)) continue;
    const { g, v, as } = r.params;
    if (as === undefined) return 'legacy';
    if (as === 'APIGroupDiscoveryList' && g === 'apidiscovery.k8s.io' && (v === 'v2' || v === 'v2beta1')) return v;
  }
  return 'legacy';
}

/** ObjectFormat is how a GET or watch wants objects: as they are, as a Table, or as metadata only. */
export type ObjectFormat =
  | { as: 'object'; contentType: 'application/json' }
  | { as: 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList'; version: 'v1' | 'v1beta1'; contentType: string };

const OBJECT: ObjectFormat = { as: 'object', contentType: 'application/json' };
const META_AS = new Set(['Table', 'PartialObjectMetadata', 'PartialObjectMetadataList']);

/** negotiateObject reads `as=Table;v=v1;g=meta.k8s.io` (and v1beta1, and metadata-only) and otherwise falls back to JSON: never 406. */
export function negotiateObject(header: string | undefined): ObjectFormat {
  for (const r of parseAccept(header)) {
    if (!acceptsJson(r)) continue;
    const { g, v, as } = r.params;
    if (as === undefined) return OBJECT;
    if (META_AS.has(as) && g === 'meta.k8s.io' && (v === 'v1' || v === 'v1beta1')) {
      const typed = as as 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';
      return { as: typed, version: v, contentType: `application/json;as=${as};v=${v};g=meta.k8s.io` };
    }
  }
  return OBJECT;
}
