/** The emulated container a shell runs in, and its files as a small read-mostly filesystem. */

/** Mount is a filesystem mounted in the container: the root overlay, a CBS disk (`/dev/vdb`), a tmpfs. */
export interface Mount {
  path: string;
  device: string;
  sizeBytes: number;
  usedBytes: number;
  fsType: string;
}

/** ContainerContext is what the shell answers from: the container's env, names, addresses, mounts and files. */
export interface ContainerContext {
  env: Record<string, string>;
  hostname: string;
  podIp: string;
  mounts: Mount[];
  /** files maps absolute paths to contents; they override the generated /etc files. */
  files?: Record<string, string>;
  namespace?: string;
  clusterDomain?: string;
  nameserver?: string;
  /** podCidrPrefix is eth0's prefix length (the node's pod CIDR under TKE's global router). */
  podCidrPrefix?: number;
}

/** ShellResult is what a command line produced; `files` holds any file it wrote. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  files?: Record<string, string>;
}

const BASE_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var'];

/** ROOT_MOUNT is the overlay root filesystem a context without one gets. */
export const ROOT_MOUNT: Mount = { path: '/', device: 'overlay', sizeBytes: 50 * 2 ** 30, usedBytes: 6 * 2 ** 30, fsType: 'overlay' };

/** generatedFiles are the files the kubelet writes into every container: /etc/hostname, /etc/hosts, /etc/resolv.conf. */
export function generatedFiles(ctx: ContainerContext): Record<string, string> {
  const ns = ctx.namespace ?? 'default';
  const domain = ctx.clusterDomain ?? 'cluster.local';
  return {
    '/etc/hostname': `${ctx.hostname}\n`,
    '/etc/hosts': [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      `${ctx.podIp}\t${ctx.hostname}`,
      '',
    ].join('\n'),
    '/etc/resolv.conf': `search ${ns}.svc.${domain} svc.${domain} ${domain}\nnameserver ${ctx.nameserver ?? '10.96.0.10'}\noptions ndots:5\n`,
  };
}

/** normalize resolves `.`, `..` and a relative path against cwd. */
export function normalize(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** VirtualFs is the container's files: generated ones, the context's, and every mount point as a directory. */
export class VirtualFs {
  private readonly files: Map<string, string>;
  private readonly dirs = new Set<string>(['/']);
  readonly written: Record<string, string> = {};

  constructor(ctx: ContainerContext) {
    this.files = new Map(Object.entries({ ...generatedFiles(ctx), ...(ctx.files ?? {}) }).map(([p, c]) => [normalize(p), c]));
    for (const dir of [...BASE_DIRS, ...ctx.mounts.map((m) => m.path)]) this.addDir(normalize(dir));
    for (const path of this.files.keys()) this.addDir(parentOf(path));
  }

  private addDir(path: string): void {
    for (let p = path; !this.dirs.has(p); p = parentOf(p)) this.dirs.add(p);
  }

  /** isDir says whether a path is a directory. */
  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  /** read returns a file's contents, or undefined when there is no such file. */
  read(path: string): string | undefined {
    return this.files.get(path);
  }

  /** list returns a directory's entries, sorted. */
  list(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = [...this.dirs, ...this.files.keys()].filter((p) => p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'));
    return names.map((p) => p.slice(prefix.length)).sort();
  }

  /** write stores a file, refusing when its directory does not exist. */
  write(path: string, content: string, append: boolean): boolean {
    if (!this.dirs.has(parentOf(path)) || this.dirs.has(path)) return false;
    const next = (append ? (this.files.get(path) ?? '') : '') + content;
    this.files.set(path, next);
    this.written[path] = next;
    return true;
  }
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}
