import { stringify } from 'yaml';
import { rke2Cni } from '../../addons/cilium.ts';
import type { Host, Inventory } from '../../inventory/types.generated.ts';

/** Where RKE2 reads its configuration (mode 0600: it holds the cluster token). */
export const RKE2_CONFIG = '/etc/rancher/rke2/config.yaml';

/** A parsed `vX.Y.Z+rke2rN`. */
function parseVersion(v: string): [number, number, number] {
  const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/**
 * `ingress-controller: none` exists from v1.32.11, v1.33.7 and v1.34.3 on; older releases turn the
 * bundled ingress-nginx off with `disable: [rke2-ingress-nginx]`.
 */
export function supportsIngressControllerNone(version: string): boolean {
  const [major, minor, patch] = parseVersion(version);
  if (major !== 1) return major > 1;
  const firstPatch: Record<number, number> = { 32: 11, 33: 7, 34: 3 };
  if (minor >= 35) return true;
  const needed = firstPatch[minor];
  return needed !== undefined && patch >= needed;
}

/**
 * The settings every server must have alike (RKE2 refuses a join on a "critical configuration
 * value mismatch"): rendered from this one place for all servers.
 */
export function clusterWideServerConfig(inventory: Inventory): Record<string, unknown> {
  const { cluster, addons } = inventory;
  const cni = rke2Cni(inventory);
  return {
    'cluster-cidr': cluster.clusterCidr,
    'service-cidr': cluster.serviceCidr,
    // RKE2's bundled chart, tuned by rigger's HelmChartConfig: with `cni: none` no node could turn
    // Ready before the add-ons phase. `cni` is a server flag only (rancher/rke2 pkg/cli/cmds/server.go).
    cni,
    ...(cni === 'cilium' && addons.cilium.kubeProxyReplacement ? { 'disable-kube-proxy': true } : {}),
    ...controlPlaneMetrics(inventory),
    ...(supportsIngressControllerNone(cluster.rke2.version)
      ? { 'ingress-controller': 'none' }
      : { disable: ['rke2-ingress-nginx'] }),
    'tls-san': [...new Set([cluster.registrationAddress, ...cluster.tlsSans])],
    'etcd-snapshot-schedule-cron': cluster.rke2.snapshotSchedule,
    'etcd-snapshot-retention': cluster.rke2.snapshotRetention,
    'write-kubeconfig-mode': '0600',
    // A server flag only: agents take it from the servers (rancher/rke2 pkg/cli/cmds/agent.go marks
    // it "no longer supported on agents"); RKE2 prefixes its own images with it (pkg/images/images.go).
    ...(cluster.registry?.systemDefault ? { 'system-default-registry': cluster.registry.systemDefault } : {}),
  };
}

/**
 * With monitoring on, what kube-prometheus-stack scrapes must be reachable from its pods: RKE2
 * (as k3s, pkg/daemons/control/server.go) binds controller-manager and scheduler to loopback and
 * serves etcd metrics on loopback unless `etcd-expose-metrics`. 0.0.0.0, not the node address:
 * RKE2's static-pod probes call localhost (pkg/podtemplate/podtemplate.go); both ports still
 * require authentication for /metrics.
 */
function controlPlaneMetrics(inventory: Inventory): Record<string, unknown> {
  if (!inventory.addons.observability.prometheus.enabled) return {};
  return {
    'etcd-expose-metrics': true,
    'kube-controller-manager-arg': ['bind-address=0.0.0.0'],
    'kube-scheduler-arg': ['bind-address=0.0.0.0'],
  };
}

export interface Rke2ConfigInput {
  inventory: Inventory;
  host: Host;
  token: string;
  /**
   * `https://<registration address>:9345` for every node except the one server that bootstraps a
   * new cluster. Which one that is comes from the cluster's state, never from host order.
   */
  joinServer?: string;
}

/** The whole config.yaml of one node. */
export function renderRke2Config({ inventory, host, token, joinServer }: Rke2ConfigInput): string {
  const server = host.roles.includes('control-plane');
  const config: Record<string, unknown> = {
    token,
    ...(joinServer ? { server: joinServer } : {}),
    'node-name': host.name,
    'node-ip': host.address,
    ...(Object.keys(host.labels).length
      ? { 'node-label': Object.entries(host.labels).map(([k, v]) => `${k}=${v ?? ''}`) }
      : {}),
    ...(host.taints.length ? { 'node-taint': host.taints } : {}),
    ...(server ? clusterWideServerConfig(inventory) : {}),
  };
  return `# Managed by rigger from the inventory: edits here are drift.\n${stringify(config, { lineWidth: 0 })}`;
}

/** The join address every joining node uses. */
export function registrationUrl(inventory: Inventory): string {
  const a = inventory.cluster.registrationAddress;
  return `https://${a.includes(':') ? `[${a}]` : a}:9345`;
}
