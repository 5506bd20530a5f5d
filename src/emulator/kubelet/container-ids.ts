import { createHash } from 'node:crypto';

/** imageDigests remembers each image's digest: a cluster runs few images many times. */
const imageDigests = new Map<string, string>();

/** imageId is the repo digest the runtime reports for an image (a stand-in: the SHA-256 of its name). */
export function imageId(image: string): string {
  let id = imageDigests.get(image);
  if (id === undefined) {
    id = `${image.replace(/:[^/:]+$/, '')}@sha256:${createHash('sha256').update(image).digest('hex')}`;
    if (imageDigests.size < 10_000) imageDigests.set(image, id);
  }
  return id;
}

const PREFIX = 'containerd://';
const HEX = '0123456789abcdef';
/** codes holds one container id's character codes while it is built: made in one go, the id is a flat string from the start. */
const codes: number[] = Array.from(PREFIX, (c) => c.charCodeAt(0)).concat(new Array<number>(64).fill(0));

/** containerId is a container's runtime id: 64 hex digits, stable for the pod, container and restart (a fast mix, not a digest). */
export function containerId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
  }
  let at = PREFIX.length;
  for (let round = 1; round <= 8; round++) {
    let x = a ^ Math.imul(b, round) ^ Math.imul(round, 0x27d4eb2f);
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
    x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
    x = (x ^ (x >>> 15)) >>> 0;
    for (let shift = 28; shift >= 0; shift -= 4) codes[at++] = HEX.charCodeAt((x >>> shift) & 15);
  }
  return String.fromCharCode.apply(null, codes);
}
