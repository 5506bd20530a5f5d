import type { ContainerContext } from './container.js';
import { humanSize } from './df.js';
import { execCommand, runScript } from './shell.js';
import { splitScript } from './shell-parse.js';

const GiB = 2 ** 30;
const ctx: ContainerContext = {
  env: { APP_MODE: 'prod' },
  hostname: 'mongo-0',
  podIp: '172.16.1.5',
  namespace: 'db',
  mounts: [
    { path: '/', device: 'overlay', sizeBytes: 50 * GiB, usedBytes: 9 * GiB, fsType: 'overlay' },
    { path: '/data/db', device: '/dev/vdb', sizeBytes: 10 * GiB, usedBytes: 24 * 1024, fsType: 'ext4' },
  ],
  files: { '/data/db/WiredTiger': 'WiredTiger\n' },
};

describe('simulated container shell', () => {
  it.each([
    ['hostname', 'mongo-0\n'],
    ['cat /etc/hostname', 'mongo-0\n'],
    ['echo hello   world', 'hello world\n'],
    ['echo -n "a  b"', 'a  b'],
    ["echo '$APP_MODE' \"$APP_MODE\" ${APP_MODE}", '$APP_MODE prod prod\n'],
    ['ls /data/db', 'WiredTiger\n'],
    ['ls /data', 'db\n'],
    ['cat /etc/resolv.conf', 'search db.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['env | grep APP', 'APP_MODE=prod\n'],
    ['printenv HOSTNAME', 'mongo-0\n'],
    ['cd /data/db && pwd', '/data/db\n'],
    ['false || echo fallback', 'fallback\n'],
    ['false && echo never; echo $?', '1\n'],
    ['sh -c "echo inner; exit 4"; echo outer $?', 'inner\nouter 4\n'],
    ['echo saved > /data/db/note && cat /data/db/note', 'saved\n'],
  ])('%s', (script, stdout) => {
    expect(runScript(script, ctx)).toMatchObject({ stdout, stderr: '', exitCode: 0 });
  });

  it.each([
    ['nosuch --flag', '', 'sh: nosuch: not found\n', 127],
    ['exit 3', '', '', 3],
    ['echo before; exit 7; echo after', 'before\n', '', 7],
    ['ls /nope', '', "ls: cannot access '/nope': No such file or directory\n", 2],
    ['cat /etc', '', 'cat: /etc: Is a directory\n', 1],
    ['cat /missing', '', 'cat: /missing: No such file or directory\n', 1],
    ['echo "open', '', 'sh: syntax error: unterminated quoted string\n', 2],
  ])('%s fails as a shell would', (script, stdout, stderr, exitCode) => {
    expect(runScript(script, ctx)).toMatchObject({ stdout, stderr, exitCode });
  });

  it('lists the root with the mount points and system directories', () => {
    const names = runScript('ls /', ctx).stdout.split('\n');
    expect(names).toEqual(expect.arrayContaining(['bin', 'data', 'etc', 'proc', 'tmp', 'usr']));
  });

  it('puts the pod IP and hostname in /etc/hosts and on eth0', () => {
    expect(runScript('cat /etc/hosts', ctx).stdout).toContain('172.16.1.5\tmongo-0\n');
    const ip = runScript('ip addr', ctx).stdout;
    expect(ip).toContain('inet 172.16.1.5/24 scope global eth0');
    expect(ip).toContain('link/ether 02:42:ac:10:01:05');
  });

  it('shows the CBS disk in df at its mount path', () => {
    expect(runScript('df -h', ctx).stdout).toBe(
      [
        'Filesystem      Size  Used Avail Use% Mounted on',
        'overlay          50G  9.0G   41G  18% /',
        '/dev/vdb         10G   24K   10G   1% /data/db',
        '',
      ].join('\n'),
    );
    expect(runScript('df', ctx).stdout.split('\n')[2]).toBe('/dev/vdb        10485760      24  10485736   1% /data/db');
  });

  it('runs an exec argv directly and reports files it wrote', () => {
    expect(execCommand(['ls', '/data/db'], ctx)).toEqual({ stdout: 'WiredTiger\n', stderr: '', exitCode: 0 });
    expect(execCommand(['sh', '-c', 'exit 3'], ctx).exitCode).toBe(3);
    expect(execCommand(['sh'], ctx, 'hostname\nexit 5\n')).toMatchObject({ stdout: 'mongo-0\n', exitCode: 5 });
    expect(runScript('echo x >> /tmp/log; echo y >> /tmp/log', ctx).files).toEqual({ '/tmp/log': 'x\ny\n' });
  });

  it.each([
    [0, '0'],
    [24 * 1024, '24K'],
    [10 * GiB, '10G'],
    [9.75 * GiB, '9.8G'],
    [1023.5 * 2 ** 20, '1.0G'],
  ])('humanSize(%d) is %s', (bytes, expected) => {
    expect(humanSize(bytes)).toBe(expected);
  });

  it('splits scripts at operators outside quotes', () => {
    expect(splitScript('echo "a;b" && ls | grep x')).toEqual([
      { pipeline: ['echo "a;b"'], next: '&&' },
      { pipeline: ['ls', 'grep x'], next: ';' },
    ]);
  });
});
