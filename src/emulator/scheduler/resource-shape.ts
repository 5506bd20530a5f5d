/** Resource shapes: pods alike in their requests are judged alike by node-local plugins (score-memo.ts). */
import type { Resource } from './resource.js';

const shapes = new Map<string, number>();
const SHAPES_KEPT = 100_000;
/** shapesIssued only grows: a shape number, once given, never means another shape, even after `shapes` is cleared. */
let shapesIssued = 0;

/** shapeId numbers a resource shape (its text, see shapeText). */
export function shapeId(shape: string): number {
  let id = shapes.get(shape);
  if (id === undefined) {
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    id = ++shapesIssued;
    shapes.set(shape, id);
  }
  return id;
}

/** shapeText writes a pod's plain and non-zero requests as text. */
export function shapeText(requests: Resource, nonZeroRequests: Resource): string {
  return `${resourceText(requests)};${resourceText(nonZeroRequests)}`;
}

function resourceText(r: Resource): string {
  let text = `${r.milliCPU},${r.memory},${r.ephemeralStorage},${r.allowedPodNumber}`;
  if (r.scalar) for (const [name, v] of [...r.scalar].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) text += `,${name}=${v}`;
  return text;
}
