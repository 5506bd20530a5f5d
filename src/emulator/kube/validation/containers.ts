import type { Checker, Json } from './checker.js';
import { child, duplicate, forbidden, index, invalid, notFound, notSupported, required } from './field-error.js';
import { isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './names.js';
import { validateProbe } from './probes.js';
import { validateResourceRequirements } from './resources.js';

/** Containers as validateContainerCommon and validateContainers check them. */

/** PROTOCOLS are the supported port protocols, sorted as sets.List sorts them. */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePorts(c: Checker, ports: Json[], path: string): void {
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const at = index(path, i);
    const name = c.str(port, 'name', at) ?? '';
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      for (const msg of msgs) c.add(invalid(child(at, 'name'), name, msg));
      if (msgs.length === 0 && names.has(name)) c.add(duplicate(child(at, 'name'), name));
      names.add(name);
    }
    const containerPort = c.int(port, 'containerPort', at) ?? 0;
    if (containerPort === 0) c.add(required(child(at, 'containerPort')));
    else for (const msg of isValidPortNum(containerPort)) c.add(invalid(child(at, 'containerPort'), containerPort, msg));
    const hostPort = c.int(port, 'hostPort', at) ?? 0;
    if (hostPort !== 0) for (const msg of isValidPortNum(hostPort)) c.add(invalid(child(at, 'hostPort'), hostPort, msg));
    const protocol = c.str(port, 'protocol', at) ?? '';
    if (protocol === '') c.add(required(child(at, 'protocol')));
    else if (!(PROTOCOLS as readonly string[]).includes(protocol)) c.add(notSupported(child(at, 'protocol'), protocol, PROTOCOLS));
  });
}

function validateEnv(c: Checker, env: Json[], path: string): void {
  env.forEach((variable, i) => {
    const at = index(path, i);
    const name = c.str(variable, 'name', at) ?? '';
    if (name === '') c.add(required(child(at, 'name')));
    else for (const msg of isEnvVarName(name)) c.add(invalid(child(at, 'name'), name, msg));
    c.str(variable, 'value', at);
    const from = c.rec(variable, 'valueFrom', at);
    if (!from) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => from[s] !== undefined && from[s] !== null);
    const fromPath = child(at, 'valueFrom');
    if (sources.length === 0) c.add(invalid(fromPath, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (typeof variable.value === 'string' && variable.value.length > 0) c.add(invalid(fromPath, '', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1) c.add(invalid(fromPath, '', 'may not have more than one field specified at a time'));
    for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
      const selector = c.rec(from, ref, fromPath);
      if (selector && !c.str(selector, 'key', child(fromPath, ref))) c.add(required(child(fromPath, ref, 'key')));
    }
  });
}

function validateVolumeMounts(c: Checker, mounts: Json[], volumes: ReadonlySet<string>, path: string): void {
  const mountPoints = new Set<string>();
  mounts.forEach((mount, i) => {
    const at = index(path, i);
    const name = c.str(mount, 'name', at) ?? '';
    const mountPath = c.str(mount, 'mountPath', at) ?? '';
    if (name === '') c.add(required(child(at, 'name')));
    if (!volumes.has(name)) c.add(notFound(child(at, 'name'), name));
    if (mountPath === '') c.add(required(child(at, 'mountPath')));
    if (mountPoints.has(mountPath)) c.add(invalid(child(at, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
  });
}

function validateContainerCommon(c: Checker, container: Json, volumes: ReadonlySet<string>, path: string): void {
  const name = c.str(container, 'name', path) ?? '';
  if (name === '') c.add(required(child(path, 'name')));
  else for (const msg of isDNS1123Label(name)) c.add(invalid(child(path, 'name'), name, msg));
  if (!c.str(container, 'image', path)) c.add(required(child(path, 'image')));
  const policy = c.str(container, 'terminationMessagePolicy', path) ?? '';
  if (policy === '') c.add(required(child(path, 'terminationMessagePolicy')));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(policy)) c.add(notSupported(child(path, 'terminationMessagePolicy'), policy, TERMINATION_MESSAGE_POLICIES));
  c.strings(container, 'command', path);
  c.strings(container, 'args', path);
  validatePorts(c, c.records(container, 'ports', path), child(path, 'ports'));
  validateEnv(c, c.records(container, 'env', path), child(path, 'env'));
  validateVolumeMounts(c, c.records(container, 'volumeMounts', path), volumes, child(path, 'volumeMounts'));
  const pull = c.str(container, 'imagePullPolicy', path) ?? '';
  if (pull === '') c.add(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pull)) c.add(notSupported(child(path, 'imagePullPolicy'), pull, PULL_POLICIES));
  validateResourceRequirements(c, c.rec(container, 'resources', path), child(path, 'resources'));
}

function validateHostPorts(c: Checker, containers: Json[], path: string): void {
  const seen = new Set<string>();
  containers.forEach((container, ci) => {
    (Array.isArray(container.ports) ? container.ports : []).forEach((port: Json, pi: number) => {
      if (typeof port?.hostPort !== 'number' || port.hostPort === 0) return;
      const id = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(id)) c.add(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), id));
      seen.add(id);
    });
  });
}

/** validateContainers checks the regular containers: at least one, unique names, probes, host ports. */
export function validateContainers(c: Checker, containers: Json[], volumes: ReadonlySet<string>, path: string): void {
  if (containers.length === 0) c.add(required(path));
  const names = new Set<string>();
  containers.forEach((container, i) => {
    const at = index(path, i);
    validateContainerCommon(c, container, volumes, at);
    const name = typeof container.name === 'string' ? container.name : '';
    if (names.has(name)) c.add(duplicate(child(at, 'name'), name));
    names.add(name);
    validateProbe(c, c.rec(container, 'livenessProbe', at), child(at, 'livenessProbe'), true);
    validateProbe(c, c.rec(container, 'readinessProbe', at), child(at, 'readinessProbe'), false);
    validateProbe(c, c.rec(container, 'startupProbe', at), child(at, 'startupProbe'), true);
    if (container.restartPolicy !== undefined) c.add(forbidden(child(at, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  validateHostPorts(c, containers, path);
}

/** validateInitContainers checks init containers: names unique across all containers, probes only on sidecars. */
export function validateInitContainers(c: Checker, initContainers: Json[], containers: Json[], volumes: ReadonlySet<string>, path: string): void {
  const names = new Set(containers.map((ctr) => ctr.name));
  initContainers.forEach((container, i) => {
    const at = index(path, i);
    validateContainerCommon(c, container, volumes, at);
    const restart = c.str(container, 'restartPolicy', at);
    if (restart !== undefined && restart !== 'Always') c.add(notSupported(child(at, 'restartPolicy'), restart, ['Always']));
    const name = typeof container.name === 'string' ? container.name : '';
    if (names.has(name)) c.add(duplicate(child(at, 'name'), name));
    else if (name.length > 0) names.add(name);
    for (const probe of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (container[probe] === undefined) continue;
      if (restart === 'Always' && probe !== 'lifecycle') validateProbe(c, c.rec(container, probe, at), child(at, probe), probe !== 'readinessProbe');
      else if (restart !== 'Always') c.add(forbidden(child(at, probe), 'may not be set for init containers without restartPolicy=Always'));
    }
    validateHostPorts(c, [container], path);
  });
}
