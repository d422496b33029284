import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { FieldPath } from './field-path.ts';
import type { Inventory, SecretRef } from './types.generated.ts';

/** Expands `~` and makes a path absolute against the inventory file's directory. */
export function resolvePath(baseDir: string, p: string): string {
  if (p === '~') return homedir();
  if (p.startsWith('~/')) return resolve(homedir(), p.slice(2));
  return isAbsolute(p) ? p : resolve(baseDir, p);
}

/** A field of the inventory that names a file or directory on the machine rigger runs on. */
export interface PathField {
  path: FieldPath;
  value: string;
  kind: 'file' | 'directory';
  /** rigger creates it when missing (known_hosts under trust-on-first-use). */
  mayBeCreated: boolean;
  /** Replaces the value (the loader stores absolute paths). */
  set: (absolute: string) => void;
}

/** Every local path the inventory names: SSH keys, known_hosts, airgap artifacts, secret files. */
export function pathFields(inv: Inventory): PathField[] {
  const out: PathField[] = [];
  const add = (
    path: FieldPath,
    obj: Record<string, unknown>,
    key: string,
    kind: 'file' | 'directory',
    mayBeCreated = false,
  ): void => {
    const value = obj[key];
    if (typeof value === 'string')
      out.push({ path: [...path, key], value, kind, mayBeCreated, set: (v) => (obj[key] = v) });
  };
  const ssh = inv.ssh as unknown as Record<string, unknown>;
  add(['ssh'], ssh, 'privateKeyPath', 'file');
  add(['ssh'], ssh, 'knownHostsPath', 'file', inv.ssh.hostKeyPolicy === 'accept-new');
  if (inv.ssh.bastion)
    add(['ssh', 'bastion'], inv.ssh.bastion as unknown as Record<string, unknown>, 'privateKeyPath', 'file');
  inv.hosts.forEach((h, i) => {
    if (!h.ssh) return;
    add(['hosts', i, 'ssh'], h.ssh as unknown as Record<string, unknown>, 'privateKeyPath', 'file');
    if (h.ssh.bastion)
      add(
        ['hosts', i, 'ssh', 'bastion'],
        h.ssh.bastion as unknown as Record<string, unknown>,
        'privateKeyPath',
        'file',
      );
  });
  add(
    ['cluster', 'install'],
    inv.cluster.install as unknown as Record<string, unknown>,
    'artifactsDir',
    'directory',
  );
  for (const { path, ref } of secretRefs(inv)) add(path, ref as Record<string, unknown>, 'file', 'file');
  return out;
}

/** Every secret reference in the inventory, with where it is. */
export function secretRefs(inv: Inventory): { path: FieldPath; ref: SecretRef }[] {
  const out: { path: FieldPath; ref: SecretRef }[] = [{ path: ['cluster', 'token'], ref: inv.cluster.token }];
  for (const [host, cfg] of Object.entries(inv.cluster.registry?.configs ?? {}))
    if (cfg?.auth)
      out.push({
        path: ['cluster', 'registry', 'configs', host, 'auth', 'password'],
        ref: cfg.auth.password,
      });
  const { velero, observability } = inv.addons;
  if (velero.s3) out.push({ path: ['addons', 'velero', 's3', 'credentials'], ref: velero.s3.credentials });
  if (observability.objectStorage) {
    out.push({
      path: ['addons', 'observability', 'objectStorage', 'credentials'],
      ref: observability.objectStorage.credentials,
    });
  }
  if (observability.grafana.adminPassword) {
    out.push({
      path: ['addons', 'observability', 'grafana', 'adminPassword'],
      ref: observability.grafana.adminPassword,
    });
  }
  return out;
}
