/** The commands the simulated container shell knows, each answering from the emulated container. */
import { normalize, type ContainerContext, type VirtualFs } from './container.js';
import { df } from './df.js';

/** Io is what a command sees: the container, its files, the shell's variables, stdin and cwd. */
export interface Io {
  ctx: ContainerContext;
  fs: VirtualFs;
  env: Record<string, string>;
  stdin: string;
  cwd: string;
}

/** Output is what one command wrote and its exit status. */
export interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

type Builtin = (args: string[], io: Io) => Output;

const ok = (stdout = ''): Output => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): Output => ({ stdout: '', stderr, exitCode });

function ls(args: string[], io: Io): Output {
  const all = args.some((a) => /^-\w*a/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  let stdout = '';
  let stderr = '';
  const targets = paths.length > 0 ? paths : ['.'];
  for (const raw of targets) {
    const path = normalize(raw, io.cwd);
    if (io.fs.isDir(path)) {
      const names = [...(all ? ['.', '..'] : []), ...io.fs.list(path)];
      const body = names.length > 0 ? `${names.join('\n')}\n` : '';
      stdout += targets.length > 1 ? `${raw}:\n${body}\n` : body;
    } else if (io.fs.read(path) !== undefined) stdout += `${raw}\n`;
    else stderr += `ls: cannot access '${raw}': No such file or directory\n`;
  }
  return { stdout: stdout.replace(/\n\n$/, '\n'), stderr, exitCode: stderr ? 2 : 0 };
}

function cat(args: string[], io: Io): Output {
  if (args.length === 0) return ok(io.stdin);
  let stdout = '';
  let stderr = '';
  for (const raw of args) {
    const path = normalize(raw, io.cwd);
    const content = io.fs.read(path);
    if (content !== undefined) stdout += content;
    else stderr += io.fs.isDir(path) ? `cat: ${raw}: Is a directory\n` : `cat: ${raw}: No such file or directory\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function ipAddr(args: string[], io: Io): Output {
  if (!['addr', 'a', 'address'].includes(args[0] ?? '')) return fail('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n', 255);
  const octets = io.ctx.podIp.split('.').map((o) => Number(o).toString(16).padStart(2, '0'));
  return ok(
    [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '3: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default',
      `    link/ether 02:42:${octets.join(':')} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
      `    inet ${io.ctx.podIp}/${io.ctx.podCidrPrefix ?? 24} scope global eth0`,
      '       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'),
  );
}

function grep(args: string[], io: Io): Output {
  const invert = args.includes('-v');
  const pattern = args.find((a) => !a.startsWith('-'));
  if (pattern === undefined) return fail('Usage: grep [OPTION]... PATTERNS [FILE]...\n', 2);
  const lines = io.stdin.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  const hits = lines.filter((l) => l.includes(pattern) !== invert);
  return { stdout: hits.map((l) => `${l}\n`).join(''), stderr: '', exitCode: hits.length > 0 ? 0 : 1 };
}

/** BUILTINS maps a command name to its behaviour. */
export const BUILTINS: Record<string, Builtin> = {
  ls,
  cat,
  grep,
  ip: ipAddr,
  env: (_a, io) => ok(Object.entries(io.env).map(([k, v]) => `${k}=${v}\n`).join('')),
  printenv: (args, io) => (args.length === 0 ? ok(Object.entries(io.env).map(([k, v]) => `${k}=${v}\n`).join('')) : args[0] in io.env ? ok(`${io.env[args[0]]}\n`) : fail('', 1)),
  hostname: (_a, io) => ok(`${io.ctx.hostname}\n`),
  df: (args, io) => ok(df(io.ctx.mounts, args.some((a) => /^-\w*h/.test(a)))),
  echo: (args) => (args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`)),
  pwd: (_a, io) => ok(`${io.cwd}\n`),
  whoami: () => ok('root\n'),
  id: () => ok('uid=0(root) gid=0(root) groups=0(root)\n'),
  uname: (args) => ok(args.includes('-a') ? 'Linux emulated 5.4.241-1-tlinux4 #1 SMP x86_64 GNU/Linux\n' : 'Linux\n'),
  true: () => ok(),
  false: () => fail('', 1),
  sleep: () => ok(),
  wc: (args, io) => ok(args.includes('-l') ? `${io.stdin.split('\n').length - 1}\n` : `${io.stdin.length}\n`),
  head: (args, io) => {
    const n = Number(args[args.indexOf('-n') + 1] ?? 10) || 10;
    return ok(io.stdin.split('\n').slice(0, n).map((l) => `${l}\n`).join('').replace(/\n\n$/, '\n'));
  },
};
