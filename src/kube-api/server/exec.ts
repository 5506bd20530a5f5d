/** `pods/{name}/exec` over WebSocket (v5.channel.k8s.io, down to channel.k8s.io): the emulated shell runs the command and its exit code goes back on channel 3. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { getObject, type Pod } from '../../emulator/kube/index.js';
import { execCommand } from '../exec/shell.js';
import { badRequest, execExitCode, execSuccess, notFound, type Status } from '../status/status.js';
import { containerContext } from './pod-context.js';
import type { ReadScope } from './reads.js';

/** PROTOCOLS are the channel protocols served, most preferred first. */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;
/** STDIN_IDLE_MS ends stdin for clients (protocol v4 and older) that cannot signal its end. */
const STDIN_IDLE_MS = 300;

const sockets = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

/** rejectUpgrade answers an upgrade request with a Status, as the API server does before switching protocols. */
export function rejectUpgrade(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function frame(channel: number, data: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]);
}

/** serveExec checks the request, upgrades it and runs the command in the container's emulated shell. */
export function serveExec(req: IncomingMessage, socket: Duplex, head: Buffer, scope: ReadScope, name: string, query: URLSearchParams): void {
  const pod = getObject<Pod>(scope.store, 'Pod', scope.namespace, name);
  if (!pod) return rejectUpgrade(socket, notFound({ group: '', resource: 'pods' }, name));
  const container = pod.spec.containers.find((c) => c.name === (query.get('container') ?? pod.spec.containers[0].name));
  if (!container) return rejectUpgrade(socket, badRequest(`container ${query.get('container')} is not valid for pod ${name}`));
  const command = query.getAll('command');
  if (command.length === 0) return rejectUpgrade(socket, badRequest('you must specify at least 1 command'));
  if (pod.status?.phase !== 'Running') return rejectUpgrade(socket, badRequest(`container ${container.name} is not running (pod phase ${pod.status?.phase ?? 'Pending'})`));
  const ctx = containerContext(scope.store, pod, container);
  const tty = query.get('tty') === 'true';
  const wantsStdin = query.get('stdin') === 'true';
  sockets.handleUpgrade(req, socket, head, (ws) => run(ws, command, ctx, tty, wantsStdin));
}

function run(ws: WebSocket, command: string[], ctx: ReturnType<typeof containerContext>, tty: boolean, wantsStdin: boolean): void {
  const v5 = ws.protocol === 'v5.channel.k8s.io';
  let stdin = '';
  let done = false;
  let idle: NodeJS.Timeout | undefined;
  const finish = (): void => {
    if (done) return;
    done = true;
    clearTimeout(idle);
    const result = execCommand(command, ctx, stdin);
    if (result.stdout) ws.send(frame(STDOUT, result.stdout));
    if (result.stderr) ws.send(frame(tty ? STDOUT : STDERR, result.stderr));
    const status = result.exitCode === 0 ? execSuccess() : execExitCode(command, result.exitCode);
    if (ws.protocol !== 'channel.k8s.io') ws.send(frame(ERROR, JSON.stringify(status)));
    ws.close(1000);
  };
  if (!wantsStdin) return void setImmediate(finish);
  const arm = (): void => {
    clearTimeout(idle);
    if (!v5 || tty) idle = setTimeout(finish, STDIN_IDLE_MS);
  };
  ws.on('message', (data: Buffer) => {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    if (buf.length === 0) return;
    if (buf[0] === STDIN) {
      stdin += buf.subarray(1).toString('utf8');
      // A terminal sends keystrokes; a line ending (or ctrl-D) is where a command line is complete.
      if (tty && (/\r|\n/.test(stdin) || stdin.includes('\u0004'))) return finish();
      arm();
    } else if (buf[0] === CLOSE && buf[1] === STDIN) finish();
  });
  ws.on('close', () => clearTimeout(idle));
  arm();
}
