import { getObject, listObjects, type EndpointAddress, type Endpoints, type EndpointSubset, type Pod, type Service, type ServicePort } from '../../kube/index.js';
import { kindGroup, namespaceGroup, type IndexedObject } from '../../kube/store-index.js';
import type { Controller, ControllerAction, ControllerContext } from '../controller.js';
import { deleteAction } from '../helpers/events.js';
import { clone, sameJson } from '../helpers/json.js';
import { remember, settled } from '../helpers/pod-facts.js';
import { isPodReady, isPodTerminal } from '../helpers/pods.js';
import { repackSubsets } from './repack.js';

/** The endpoints controller (pkg/controller/endpoint/endpoints_controller.go): an Endpoints per selecting Service. */

/** LAST_CHANGE_TRIGGER_TIME marks Endpoints this controller manages, with when their pods last changed. */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** HEADLESS labels the Endpoints of a Service without a cluster IP. */
export const HEADLESS = 'service.kubernetes.io/headless';

const publishNotReady = (service: Service): boolean => (service.spec as { publishNotReadyAddresses?: boolean }).publishNotReadyAddresses === true;

/** selects: every pair of the service's selector is on the pod. */
const selects = (selector: Record<string, string>, pod: Pod): boolean => Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v);

/** shouldPodBeInEndpoints: not terminal, has an IP, and not terminating unless the service publishes not-ready addresses. */
function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod) || !(pod.status?.podIP || pod.status?.podIPs?.length)) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** findPort is podutil.FindPort: a number as is; a name looked up among the containers' ports of the same protocol. */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')]) {
    const found = container.ports?.find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** addressOf is podToEndpointAddressForService, with the hostname a pod publishes under its subdomain. */
function addressOf(service: Service, pod: Pod): EndpointAddress {
  const address: EndpointAddress = { ip: pod.status?.podIP ?? pod.status!.podIPs![0].ip };
  if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace) address.hostname = pod.spec.hostname;
  address.nodeName = pod.spec.nodeName;
  address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
  return address;
}

/** desiredSubsets lists each selected pod under each port it serves, ready or not, then repacks them. */
export function desiredSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const subsets: EndpointSubset[] = [];
  const tolerateUnready = publishNotReady(service);
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const address = addressOf(service, pod);
    const entry = (ports: EndpointSubset['ports']): EndpointSubset =>
      tolerateUnready || isPodReady(pod) ? { addresses: [address], ports } : { notReadyAddresses: [address], ports };
    const servicePorts = service.spec.ports ?? [];
    if (servicePorts.length === 0) {
      if (service.spec.clusterIP === 'None') subsets.push(entry([]));
      continue;
    }
    for (const port of servicePorts) {
      const number = findPort(pod, port);
      if (number === undefined) continue;
      subsets.push(entry([{ ...(port.name ? { name: port.name } : {}), port: number, protocol: port.protocol ?? 'TCP', ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}) }]));
    }
  }
  return repackSubsets(subsets);
}

/** rfc3339Nano renders a time as Go's RFC3339Nano does: UTC, trailing fractional zeros dropped. */
const rfc3339Nano = (time: string): string => new Date(time).toISOString().replace(/\.?0+Z$/, 'Z');

const withoutHeadless = (labels: Record<string, string> | undefined): Record<string, string> => {
  const { [HEADLESS]: _headless, ...rest } = labels ?? {};
  return rest;
};

const SETTLED = 'endpoints-settled';

/** cloneWithoutSubsets copies stored Endpoints but for their addresses, which are replaced anyway (keys keep their order). */
function cloneWithoutSubsets(current: Endpoints): Endpoints {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) if (value !== undefined) next[key] = key === 'subsets' ? [] : clone(value);
  return next as unknown as Endpoints;
}

/** syncService writes the Endpoints a Service with a selector should have, when they differ from what is stored. */
export function syncService(entry: IndexedObject<Service>, ctx: ControllerContext): ControllerAction[] {
  const service = entry.object;
  const selector = service.spec.selector;
  // An empty selector is stored as none: such services get their Endpoints from whoever wrote them.
  if (service.spec.type === 'ExternalName' || !selector || Object.keys(selector).length === 0) return [];
  const { namespace, name = '' } = service.metadata;
  const pods = namespaceGroup<Pod>(ctx.store, 'Pod', namespace);
  const current = getObject<Endpoints>(ctx.store, 'Endpoints', namespace, name);
  // The pods of the namespace and the stored Endpoints are all a pass without writes reads.
  const inputs = `${pods.version}/${current?.metadata.resourceVersion ?? ''}`;
  if (settled(entry, SETTLED, inputs)) return [];
  return remember(entry, SETTLED, inputs, endpointsFor(service, selected(selector, pods.list()), current, ctx.now));
}

/** selected are the pods a service's selector picks. */
function selected(selector: Record<string, string>, pods: readonly IndexedObject<Pod>[]): Pod[] {
  const out: Pod[] = [];
  for (const { object } of pods) if (selects(selector, object)) out.push(object);
  return out;
}

/** endpointsFor is the write that makes a service's Endpoints list its pods, if they do not already. */
function endpointsFor(service: Service, pods: readonly Pod[], current: Endpoints | undefined, now: string): ControllerAction[] {
  const subsets = desiredSubsets(service, pods);
  const { namespace, name = '' } = service.metadata;
  if (current && sameJson(current.subsets ?? [], subsets) && sameJson(withoutHeadless(current.metadata.labels), service.metadata.labels ?? {})) return [];
  const next: Endpoints = current ? cloneWithoutSubsets(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
  next.metadata.labels = service.spec.clusterIP === 'None' ? { ...service.metadata.labels, [HEADLESS]: '' } : withoutHeadless(service.metadata.labels);
  if (Object.keys(next.metadata.labels).length === 0) delete next.metadata.labels;
  next.metadata.annotations = { ...next.metadata.annotations, [LAST_CHANGE_TRIGGER_TIME]: rfc3339Nano(now) };
  if (subsets.length > 0) next.subsets = subsets;
  else delete next.subsets;
  return [{ type: current ? 'update' : 'create', object: next }];
}

/** EndpointsController keeps each selecting Service's Endpoints: ready pods in addresses, the rest in notReadyAddresses. */
export class EndpointsController implements Controller {
  readonly name = 'endpoints';

  reconcile(ctx: ControllerContext): ControllerAction[] {
    const actions = kindGroup<Service>(ctx.store, 'Service').list().flatMap((s) => syncService(s, ctx));
    // Endpoints this controller made outlive their Service only until the next pass.
    const leftover = listObjects<Endpoints>(ctx.store, 'Endpoints').filter(
      (e) => e.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME] !== undefined && !getObject(ctx.store, 'Service', e.metadata.namespace, e.metadata.name ?? ''),
    );
    return [...actions, ...leftover.map((e) => deleteAction(e))];
  }
}
