/** `GET pods/{name}/log`: the container's generated log, with tailLines, sinceSeconds, timestamps, previous and follow. */
import type { ServerResponse } from 'node:http';
import { getObject, type Pod } from '../../emulator/kube/index.js';
import { containerLogLines, formatLogLines, type ContainerRun, type LogLine } from '../../emulator/kubelet/index.js';
import { badRequest, notFound } from '../status/status.js';
import { KubeApiError } from './http-io.js';
import type { ReadScope } from './reads.js';

/** FOLLOW_POLL_MS is how often a follow request looks for new lines (virtual time may run faster than wall time). */
const FOLLOW_POLL_MS = 200;

type Status = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number] & { lastState?: { terminated?: { startedAt?: string; finishedAt?: string } } };

function runOf(pod: Pod, container: string, previous: boolean): ContainerRun {
  const status = pod.status?.containerStatuses?.find((s) => s.name === container) as Status | undefined;
  const spec = pod.spec.containers.find((c) => c.name === container)!;
  const base = { image: spec.image, container, podName: pod.metadata.name ?? '', podIp: pod.status?.podIP ?? '' };
  const where = `container "${container}" in pod "${pod.metadata.name}"`;
  if (previous) {
    const last = status?.lastState?.terminated;
    if (!last?.startedAt) throw new KubeApiError(badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`));
    return { ...base, startedAt: Date.parse(last.startedAt), finishedAt: last.finishedAt ? Date.parse(last.finishedAt) : undefined };
  }
  const state = status?.state;
  const started = state?.running?.startedAt ?? state?.terminated?.startedAt;
  if (!started) throw new KubeApiError(badRequest(`${where} is waiting to start: ${state?.waiting?.reason ?? 'ContainerCreating'}`));
  const finished = state?.terminated?.finishedAt;
  return { ...base, startedAt: Date.parse(started), finishedAt: finished ? Date.parse(finished) : undefined };
}

function selected(lines: LogLine[], query: URLSearchParams, now: number): LogLine[] {
  let out = lines;
  const since = query.get('sinceSeconds');
  if (since && /^\d+$/.test(since)) out = out.filter((l) => l.at >= now - Number(since) * 1000);
  const sinceTime = query.get('sinceTime');
  if (sinceTime && !Number.isNaN(Date.parse(sinceTime))) out = out.filter((l) => l.at >= Date.parse(sinceTime));
  const tail = query.get('tailLines');
  if (tail && /^\d+$/.test(tail)) out = Number(tail) === 0 ? [] : out.slice(-Number(tail));
  return out;
}

/** serveLogs writes the log as text/plain; with follow=true it keeps writing new lines until the client goes or the pod does. */
export function serveLogs(res: ServerResponse, scope: ReadScope, name: string, query: URLSearchParams, clock: () => number): void {
  const pod = getObject<Pod>(scope.store, 'Pod', scope.namespace, name);
  if (!pod) throw new KubeApiError(notFound({ group: '', resource: 'pods' }, name));
  const names = pod.spec.containers.map((c) => c.name);
  const container = query.get('container') ?? names[0];
  if (!names.includes(container)) throw new KubeApiError(badRequest(`container ${container} is not valid for pod ${name}`));
  const previous = query.get('previous') === 'true';
  const run = runOf(pod, container, previous);
  const timestamps = query.get('timestamps') === 'true';
  const now = clock();
  const first = selected(containerLogLines(run, now), query, now);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.write(formatLogLines(first, timestamps));
  if (query.get('follow') !== 'true' || previous || run.finishedAt !== undefined) return void res.end();
  let shown = now;
  const timer = setInterval(() => {
    const live = getObject<Pod>(scope.store, 'Pod', scope.namespace, name);
    if (!live || live.metadata.uid !== pod.metadata.uid) return void res.end();
    const at = clock();
    const fresh = containerLogLines(run, at).filter((l) => l.at > shown);
    shown = at;
    if (fresh.length > 0) res.write(formatLogLines(fresh, timestamps));
  }, FOLLOW_POLL_MS);
  res.on('close', () => clearInterval(timer));
}
