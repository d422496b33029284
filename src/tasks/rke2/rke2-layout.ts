/**
 * Where RKE2 lives on a host, as the official install script's tar method lays it out: under
 * `/usr/local` on Ubuntu, under `/opt/rke2` on Flatcar (whose `/usr` is read-only) with the units
 * rewritten and moved to `/etc/systemd/system/`.
 */
import type { Host } from '../../inventory/types.generated.ts';

export const RKE2_DATA_DIR = '/var/lib/rancher/rke2';
export const RKE2_IMAGES_DIR = `${RKE2_DATA_DIR}/agent/images`;
/** Present once this host's etcd member has data: the host is part of a cluster. */
export const RKE2_ETCD_DATA = `${RKE2_DATA_DIR}/server/db/etcd`;
/** The etcd client certificates RKE2 keeps for itself; used to list the members. */
export const RKE2_ETCD_TLS = `${RKE2_DATA_DIR}/server/tls/etcd`;
/** RKE2's deploy controller applies every file here, from the server's first start on. */
export const RKE2_MANIFESTS_DIR = `${RKE2_DATA_DIR}/server/manifests`;
/** The founder writes `K10<sha256 of server-ca.crt>::server:<secret>` here; servers that join keep a copy. */
export const RKE2_SERVER_TOKEN = `${RKE2_DATA_DIR}/server/token`;
/** Where rigger keeps the uploaded air-gap artifacts on a host, so it uploads them once. */
export const ARTIFACT_STAGING_DIR = '/var/lib/rigger/rke2-artifacts';

export type Rke2Role = 'server' | 'agent';

export interface Rke2Layout {
  role: Rke2Role;
  /** `rke2-server` or `rke2-agent`. */
  unit: string;
  /** `/usr/local` or `/opt/rke2`. */
  prefix: string;
  binary: string;
  /** Where the unit file ends up. */
  unitDir: string;
}

export function rke2Role(host: Host): Rke2Role {
  return host.roles.includes('control-plane') ? 'server' : 'agent';
}

export function rke2Layout(host: Host): Rke2Layout {
  const role = rke2Role(host);
  const flatcar = host.os === 'flatcar';
  const prefix = flatcar ? '/opt/rke2' : '/usr/local';
  return {
    role,
    unit: `rke2-${role}`,
    prefix,
    binary: `${prefix}/bin/rke2`,
    unitDir: flatcar ? '/etc/systemd/system' : '/usr/local/lib/systemd/system',
  };
}
