/** The simulated container shell `kubectl exec` runs: a command line in, stdout, stderr and an exit code out. */
import { parseCommand, splitScript } from './shell-parse.js';
import { normalize, ROOT_MOUNT, VirtualFs, type ContainerContext, type ShellResult } from './container.js';
import { BUILTINS, type Io, type Output } from './commands.js';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface State {
  ctx: ContainerContext;
  fs: VirtualFs;
  env: Record<string, string>;
  cwd: string;
  status: number;
  exited: boolean;
}

function newState(ctx: ContainerContext): State {
  const mounts = ctx.mounts.some((m) => m.path === '/') ? ctx.mounts : [ROOT_MOUNT, ...ctx.mounts];
  const full = { ...ctx, mounts };
  const env = { PATH, HOSTNAME: ctx.hostname, ...ctx.env, HOME: ctx.env.HOME ?? '/root' };
  return { ctx: full, fs: new VirtualFs(full), env, cwd: '/', status: 0, exited: false };
}

function runOne(argv: string[], stdin: string, state: State): Output {
  const [name, ...args] = argv;
  if (name === undefined) return { stdout: '', stderr: '', exitCode: 0 };
  if (name === 'exit') {
    state.exited = true;
    const code = args[0] === undefined ? state.status : Number(args[0]);
    return { stdout: '', stderr: '', exitCode: Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2 };
  }
  if (name === 'cd') {
    const target = normalize(args[0] ?? state.env.HOME, state.cwd);
    if (!state.fs.isDir(target)) return { stdout: '', stderr: `sh: cd: can't cd to ${args[0]}: No such file or directory\n`, exitCode: 2 };
    state.cwd = target;
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (name === 'export') {
    for (const a of args) if (a.includes('=')) state.env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (name === 'sh' || name === 'bash' || name === '/bin/sh' || name === '/bin/bash') {
    const script = args[0] === '-c' ? (args[1] ?? '') : stdin;
    const inner = runScriptIn(script, { ...state, exited: false });
    return inner;
  }
  const builtin = BUILTINS[name.replace(/^\/(usr\/)?s?bin\//, '')];
  if (!builtin) return { stdout: '', stderr: `sh: ${name}: not found\n`, exitCode: 127 };
  const io: Io = { ctx: state.ctx, fs: state.fs, env: state.env, stdin, cwd: state.cwd };
  return builtin(args, io);
}

function runScriptIn(script: string, state: State): Output {
  const steps = splitScript(script);
  if (typeof steps === 'string') return { stdout: '', stderr: `${steps}\n`, exitCode: 2 };
  let stdout = '';
  let stderr = '';
  let skip = false;
  for (const step of steps) {
    if (!skip) {
      let piped = '';
      for (const text of step.pipeline) {
        const command = parseCommand(text, (v) => (v === '?' ? String(state.status) : (state.env[v] ?? '')));
        const out = runOne(command.argv, piped, state);
        stderr += out.stderr;
        state.status = out.exitCode;
        piped = out.stdout;
        if (command.redirect) {
          const path = normalize(command.redirect.path, state.cwd);
          if (!state.fs.write(path, out.stdout, command.redirect.append)) {
            stderr += `sh: can't create ${command.redirect.path}: nonexistent directory\n`;
            state.status = 2;
          }
          piped = '';
        }
        if (state.exited) break;
      }
      stdout += piped;
      if (state.exited) break;
    }
    skip = (step.next === '&&' && state.status !== 0) || (step.next === '||' && state.status === 0);
  }
  return { stdout, stderr, exitCode: state.status };
}

/** runScript runs a shell command line (`ls /mnt && df -h; exit 3`) in the container. */
export function runScript(script: string, ctx: ContainerContext): ShellResult {
  const state = newState(ctx);
  const out = runScriptIn(script, state);
  const written = Object.keys(state.fs.written).length > 0 ? { files: { ...state.fs.written } } : {};
  return { ...out, ...written };
}

/** execCommand runs an exec request's argv (`command=ls&command=/mnt`) without a shell in between. */
export function execCommand(argv: readonly string[], ctx: ContainerContext, stdin = ''): ShellResult {
  const state = newState(ctx);
  const out = runOne([...argv], stdin, state);
  const written = Object.keys(state.fs.written).length > 0 ? { files: { ...state.fs.written } } : {};
  return { ...out, ...written };
}
