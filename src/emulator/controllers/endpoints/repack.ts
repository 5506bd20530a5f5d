import type { EndpointAddress, EndpointSubset } from '../../kube/index.js';
import { stableJson } from '../helpers/json.js';

/** RepackSubsets (pkg/api/v1/endpoints/util.go): one subset per distinct set of addresses sharing the same ports. */

type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

const SENTINEL: EndpointPort = { port: -1 };

const addressKey = (a: EndpointAddress): string => `${a.ip}/${a.targetRef?.uid ?? ''}`;

/** lessAddress is LessEndpointAddress: by IP, then by target uid. */
function compareAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const [ua, ub] = [a.targetRef?.uid ?? '', b.targetRef?.uid ?? ''];
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

const comparePort = (a: EndpointPort, b: EndpointPort): number => stableJson(a) < stableJson(b) ? -1 : stableJson(a) > stableJson(b) ? 1 : 0;

/** repackSubsets expands subsets to (port, address, ready) and regroups them; not-ready wins over ready for the same address and port. */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort; ready: Map<string, boolean> }>();
  const note = (address: EndpointAddress, port: EndpointPort, ready: boolean) => {
    const key = addressKey(address);
    if (!addresses.has(key)) addresses.set(key, address);
    const portKey = stableJson(port);
    const entry = byPort.get(portKey) ?? { port, ready: new Map<string, boolean>() };
    byPort.set(portKey, entry);
    if (entry.ready.get(key) !== false) entry.ready.set(key, ready);
  };
  for (const subset of subsets) {
    for (const port of subset.ports?.length ? subset.ports : [SENTINEL]) {
      for (const a of subset.addresses ?? []) note(a, port, true);
      for (const a of subset.notReadyAddresses ?? []) note(a, port, false);
    }
  }
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const key = [...ready.entries()].map(([a, r]) => `${a}=${r}`).sort().join(',');
    const group = groups.get(key) ?? { ready, ports: [] };
    groups.set(key, group);
    if (port.port > 0) group.ports.push(port);
  }
  const result: EndpointSubset[] = [];
  for (const { ready, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    const all = [...ready.entries()].map(([key, r]) => ({ address: addresses.get(key)!, ready: r }));
    const readyOnes = all.filter((x) => x.ready).map((x) => x.address).sort(compareAddress);
    const notReady = all.filter((x) => !x.ready).map((x) => x.address).sort(compareAddress);
    if (readyOnes.length) subset.addresses = readyOnes;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ports.length) subset.ports = ports.sort(comparePort);
    result.push(subset);
  }
  const first = (s: EndpointSubset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return result.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : comparePort(a.ports?.[0] ?? SENTINEL, b.ports?.[0] ?? SENTINEL)));
}
