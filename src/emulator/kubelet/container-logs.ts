/** Container logs, generated from virtual time alone: start-up lines when the container started, then periodic lines (nginx: access log). */

/** LogLine is one line a container wrote, at a virtual time in ms. */
export interface LogLine {
  at: number;
  text: string;
}

/** ContainerRun is one run of a container: what it runs, where, and from when until when (virtual ms). */
export interface ContainerRun {
  image: string;
  container: string;
  podName: string;
  podIp: string;
  startedAt: number;
  /** finishedAt ends a terminated run; a running one is read up to `until`. */
  finishedAt?: number;
}

/** MAX_PERIODIC bounds how many periodic lines a long run keeps (the kubelet rotates logs too). */
const MAX_PERIODIC = 2000;
const PERIOD_MS = 10_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function accessTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** clientOf is a stable in-cluster client address for the i-th request, derived from the pod's IP. */
function clientOf(podIp: string, i: number): string {
  const parts = podIp.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p))) return '10.0.0.1';
  return `${parts[0]}.${parts[1]}.${parts[2]}.${1 + ((parts[3] + i * 7) % 250)}`;
}

function startupLines(run: ContainerRun): string[] {
  if (!/(^|\/)nginx(:|@|$)/.test(run.image)) return [`Starting ${run.container} (${run.image}) in pod ${run.podName}`, `${run.container} is ready`];
  const t = nginxTime(run.startedAt);
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/1.25.5`,
    `${t} [notice] 1#1: OS: Linux 5.4.241-1-tlinux4-0017.7`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
  ];
}

function periodicLine(run: ContainerRun, i: number, at: number): string {
  if (!/(^|\/)nginx(:|@|$)/.test(run.image)) return `${run.container}: heartbeat ${i + 1}`;
  const path = i % 5 === 4 ? '/healthz' : '/';
  const [code, size] = path === '/' ? [200, 615] : [404, 153];
  return `${clientOf(run.podIp, i)} - - [${accessTime(at)}] "GET ${path} HTTP/1.1" ${code} ${size} "-" "curl/7.88.1" "-"`;
}

/** containerLogLines is everything the run wrote up to `until` (virtual ms), oldest first. */
export function containerLogLines(run: ContainerRun, until: number): LogLine[] {
  const end = Math.min(until, run.finishedAt ?? until);
  if (end < run.startedAt) return [];
  const lines: LogLine[] = startupLines(run).map((text) => ({ at: run.startedAt, text }));
  const count = Math.floor((end - run.startedAt) / PERIOD_MS);
  for (let i = Math.max(0, count - MAX_PERIODIC); i < count; i++) {
    const at = run.startedAt + (i + 1) * PERIOD_MS;
    lines.push({ at, text: periodicLine(run, i, at) });
  }
  return lines;
}

/** formatLogLines renders lines as `kubectl logs` prints them, with RFC 3339 timestamps when asked. */
export function formatLogLines(lines: readonly LogLine[], timestamps: boolean): string {
  return lines.map((l) => (timestamps ? `${new Date(l.at).toISOString().replace('Z', '000000Z')} ${l.text}\n` : `${l.text}\n`)).join('');
}
