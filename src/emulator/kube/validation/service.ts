import type { Checker, Json } from './checker.js';
import { child, duplicate, forbidden, GoValue, index, invalid, notSupported, required } from './field-error.js';
import { PROTOCOLS } from './containers.js';
import { isDNS1123Label, isDNS1123Subdomain, isIPAddress, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain } from './names.js';
import { validateLabels, validateObjectMeta } from './object-meta.js';
import { validatePortNumOrName } from './probes.js';

/** Services and Endpoints, as ValidateService and ValidateEndpoints check them. */

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
/** NODE_PORT_RANGE is the API server's default --service-node-port-range. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

function validateServicePorts(c: Checker, ports: Json[], type: string): void {
  const names = new Set<string>();
  const seen = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const at = index('spec.ports', i);
    const name = c.str(port, 'name', at) ?? '';
    if (ports.length > 1 && name === '') c.add(required(child(at, 'name')));
    else if (name !== '') {
      for (const msg of isDNS1123Label(name)) c.add(invalid(child(at, 'name'), name, msg));
      if (names.has(name)) c.add(duplicate(child(at, 'name'), name));
      names.add(name);
    }
    const number = c.int(port, 'port', at) ?? 0;
    for (const msg of isValidPortNum(number)) c.add(invalid(child(at, 'port'), number, msg));
    const protocol = c.str(port, 'protocol', at) ?? '';
    if (protocol === '') c.add(required(child(at, 'protocol')));
    else if (!(PROTOCOLS as readonly string[]).includes(protocol)) c.add(notSupported(child(at, 'protocol'), protocol, PROTOCOLS));
    validatePortNumOrName(c, port.targetPort, child(at, 'targetPort'));
    const nodePort = c.int(port, 'nodePort', at) ?? 0;
    if (nodePort !== 0 && type === 'ClusterIP') c.add(forbidden(child(at, 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    else if (nodePort !== 0 && (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max)) {
      c.add(invalid(child(at, 'nodePort'), nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`));
    }
    if (nodePort !== 0 && nodePorts.has(`${protocol}/${nodePort}`)) c.add(duplicate(child(at, 'nodePort'), nodePort));
    nodePorts.add(`${protocol}/${nodePort}`);
    if (seen.has(`${protocol}/${number}`)) c.add(duplicate(at, new GoValue(`core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${number}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`)));
    seen.add(`${protocol}/${number}`);
  });
}

/** validateService is ValidateService: ports, type, selector, session affinity, cluster IP, node port range. */
export function validateService(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNS1035Label);
  const spec = c.rec(obj, 'spec', '') ?? {};
  const type = c.str(spec, 'type', 'spec') ?? '';
  const clusterIP = c.str(spec, 'clusterIP', 'spec') ?? '';
  const ports = c.records(spec, 'ports', 'spec');
  if (ports.length === 0 && clusterIP !== 'None' && type !== 'ExternalName') c.add(required('spec.ports'));
  if ((type === 'LoadBalancer' || type === 'NodePort') && clusterIP === 'None') {
    c.add(invalid('spec.clusterIP', clusterIP, `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (clusterIP !== '') c.add(forbidden('spec.clusterIP', 'must be empty for ExternalName services'));
    const external = c.str(spec, 'externalName', 'spec') ?? '';
    if (external === '') c.add(required('spec.externalName'));
    else for (const msg of isDNS1123Subdomain(external.replace(/\.$/, ''))) c.add(invalid('spec.externalName', external, msg));
  }
  validateServicePorts(c, ports, type);
  validateLabels(c, c.strMap(spec, 'selector', 'spec'), 'spec.selector');
  const affinity = c.str(spec, 'sessionAffinity', 'spec') ?? '';
  if (affinity === '') c.add(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None') c.add(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  if (clusterIP !== '' && clusterIP !== 'None' && !isIPAddress(clusterIP)) {
    c.add(invalid('spec.clusterIP', clusterIP, "must be empty, 'None', or a valid IP address"));
  }
  c.strings(spec, 'externalIPs', 'spec').forEach((ip, i) => {
    if (!isIPAddress(ip)) c.add(invalid(index('spec.externalIPs', i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (type === '') c.add(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) c.add(notSupported('spec.type', type, SERVICE_TYPES));
  const policy = c.str(spec, 'externalTrafficPolicy', 'spec');
  if (policy && policy !== 'Cluster' && policy !== 'Local') c.add(notSupported('spec.externalTrafficPolicy', policy, ['Cluster', 'Local']));
}

/** validateEndpoints is ValidateEndpoints: each subset has addresses with IPs, and valid ports. */
export function validateEndpoints(c: Checker, obj: Json): void {
  validateObjectMeta(c, c.rec(obj, 'metadata', ''), true, nameIsDNSSubdomain);
  c.records(obj, 'subsets', '').forEach((subset, i) => {
    const at = index('subsets', i);
    const addresses = c.records(subset, 'addresses', at);
    const notReady = c.records(subset, 'notReadyAddresses', at);
    if (addresses.length === 0 && notReady.length === 0) c.add(required(at, 'must specify `addresses` or `notReadyAddresses`'));
    for (const [list, items] of [['addresses', addresses], ['notReadyAddresses', notReady]] as const) {
      items.forEach((address, j) => {
        const ip = c.str(address, 'ip', index(child(at, list), j)) ?? '';
        if (!isIPAddress(ip)) c.add(invalid(child(index(child(at, list), j), 'ip'), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      });
    }
    const ports = c.records(subset, 'ports', at);
    ports.forEach((port, j) => {
      const p = index(child(at, 'ports'), j);
      const name = c.str(port, 'name', p) ?? '';
      if (ports.length > 1 && name === '') c.add(required(child(p, 'name')));
      else if (name) for (const msg of isDNS1123Label(name)) c.add(invalid(child(p, 'name'), name, msg));
      const number = c.int(port, 'port', p) ?? 0;
      for (const msg of isValidPortNum(number)) c.add(invalid(child(p, 'port'), number, msg));
      const protocol = c.str(port, 'protocol', p) ?? '';
      if (protocol === '') c.add(required(child(p, 'protocol')));
      else if (!(PROTOCOLS as readonly string[]).includes(protocol)) c.add(notSupported(child(p, 'protocol'), protocol, PROTOCOLS));
    });
  });
}
