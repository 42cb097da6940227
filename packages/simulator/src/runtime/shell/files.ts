// The tiny read-only file system `ls` and `cat` see inside a simulated container.
/** Directory listings by path. */
const directories: Readonly<Record<string, readonly string[]>> = {
  '/': ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sys', 'tmp', 'usr', 'var'],
  '/etc': ['hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf'],
  '/tmp': [],
  '/root': [],
  '/home': [],
  '/var': ['cache', 'lib', 'log', 'run'],
  '/var/log': [],
  '/usr': ['bin', 'lib', 'local', 'sbin', 'share'],
  '/bin': ['cat', 'echo', 'env', 'hostname', 'ls', 'sh', 'sleep'],
};

/** What a file of the container holds, or undefined when there is no such file. */
export function fileContent(
  path: string,
  facts: { hostname: string; podIP: string; namespace: string },
): string | undefined {
  switch (path) {
    case '/etc/hostname':
      return `${facts.hostname}\n`;
    case '/etc/hosts':
      return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${facts.podIP}\t${facts.hostname}\n`;
    case '/etc/os-release':
      return 'PRETTY_NAME="Flotilla Simulated Linux"\nNAME="Flotilla Simulated Linux"\nID=flotilla\n';
    case '/etc/resolv.conf':
      return `search ${facts.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
    case '/etc/passwd':
      return 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
    default:
      return undefined;
  }
}

/** The entries of a directory, or undefined when `path` is not one. */
export function listing(path: string): readonly string[] | undefined {
  const normal = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return directories[normal];
}
