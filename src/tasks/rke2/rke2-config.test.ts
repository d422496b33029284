import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editProd, loadText, prodText } from '../../inventory/testing.ts';
import {
  clusterWideServerConfig,
  registrationUrl,
  renderRke2Config,
  supportsIngressControllerNone,
} from './rke2-config.ts';

const inventory = loadText(prodText()).inventory;
const host = (name: string) => {
  const h = inventory.hosts.find((x) => x.name === name);
  if (!h) throw new Error(name);
  return h;
};

describe('RKE2 config.yaml', () => {
  it('renders a bootstrap server: no server key, cluster-wide settings, the registration address in the SANs', () => {
    const cfg = parse(renderRke2Config({ inventory, host: host('cp-1'), token: 'T0KEN' })) as Record<
      string,
      unknown
    >;
    expect(cfg).toEqual({
      token: 'T0KEN',
      'node-name': 'cp-1',
      'node-ip': '10.20.0.11',
      'node-label': ['topology.kubernetes.io/zone=rack-a'],
      'cluster-cidr': '10.42.0.0/16',
      'service-cidr': '10.43.0.0/16',
      // RKE2's bundled Cilium: nodes can turn Ready in the server phase (`none` left them NotReady).
      cni: 'cilium',
      'disable-kube-proxy': true,
      // Monitoring is on in prod: what its ServiceMonitors scrape must listen beyond loopback.
      'etcd-expose-metrics': true,
      'kube-controller-manager-arg': ['bind-address=0.0.0.0'],
      'kube-scheduler-arg': ['bind-address=0.0.0.0'],
      'ingress-controller': 'none',
      'tls-san': ['10.20.0.10', 'k8s.prod.example.com'],
      'etcd-snapshot-schedule-cron': '0 */6 * * *',
      'etcd-snapshot-retention': 14,
      'write-kubeconfig-mode': '0600',
    });
  });

  it('renders a joining agent with the registration address, its taints, and no server settings', () => {
    const cfg = parse(
      renderRke2Config({
        inventory,
        host: host('worker-3'),
        token: 'T',
        joinServer: registrationUrl(inventory),
      }),
    ) as Record<string, unknown>;
    expect(cfg.server).toBe('https://10.20.0.10:9345');
    expect(cfg['node-taint']).toEqual(['dedicated=storage:PreferNoSchedule']);
    expect(cfg).not.toHaveProperty('cluster-cidr');
    expect(cfg).not.toHaveProperty('tls-san');
  });

  it('gives every server the same cluster-wide settings', () => {
    const a = parse(
      renderRke2Config({ inventory, host: host('cp-2'), token: 'T', joinServer: 'x' }),
    ) as Record<string, unknown>;
    const b = parse(
      renderRke2Config({ inventory, host: host('cp-3'), token: 'T', joinServer: 'x' }),
    ) as Record<string, unknown>;
    for (const key of Object.keys(clusterWideServerConfig(inventory))) expect(a[key]).toEqual(b[key]);
  });

  it('uses the bundled CNI and kube-proxy when Cilium is disabled', () => {
    const inv = loadText(editProd((d) => d.setIn(['addons', 'cilium', 'enabled'], false))).inventory;
    const cfg = clusterWideServerConfig(inv);
    expect(cfg.cni).toBe('canal');
    expect(cfg).not.toHaveProperty('disable-kube-proxy');
  });

  it('never sets cni on an agent: it is a server flag (rancher/rke2 pkg/cli/cmds/server.go)', () => {
    const cfg = parse(
      renderRke2Config({ inventory, host: host('worker-1'), token: 'T', joinServer: 'x' }),
    ) as Record<string, unknown>;
    expect(cfg).not.toHaveProperty('cni');
    expect(cfg).not.toHaveProperty('etcd-expose-metrics');
  });

  it('sets system-default-registry on servers only, from cluster.registry (an agent flag no more: rancher/rke2 pkg/cli/cmds/agent.go)', () => {
    const inv = loadText(
      editProd((d) => d.setIn(['cluster', 'registry'], { systemDefault: 'registry.example.internal:5000' })),
    ).inventory;
    const server = parse(
      renderRke2Config({ inventory: inv, host: host('cp-2'), token: 'T', joinServer: 'x' }),
    ) as Record<string, unknown>;
    const agent = parse(
      renderRke2Config({ inventory: inv, host: host('worker-1'), token: 'T', joinServer: 'x' }),
    ) as Record<string, unknown>;
    expect(server['system-default-registry']).toBe('registry.example.internal:5000');
    expect(agent).not.toHaveProperty('system-default-registry');
    expect(clusterWideServerConfig(inventory)).not.toHaveProperty('system-default-registry');
  });

  it('leaves the control-plane metrics on loopback when monitoring is off', () => {
    const inv = loadText(
      editProd((d) => {
        d.setIn(['addons', 'observability', 'prometheus', 'enabled'], false);
        d.setIn(['addons', 'observability', 'thanos', 'enabled'], false);
      }),
    ).inventory;
    const cfg = clusterWideServerConfig(inv);
    expect(cfg).not.toHaveProperty('etcd-expose-metrics');
    expect(cfg).not.toHaveProperty('kube-controller-manager-arg');
    expect(cfg).not.toHaveProperty('kube-scheduler-arg');
  });

  it('turns off the bundled ingress the way the pinned release understands', () => {
    expect(supportsIngressControllerNone('v1.35.7+rke2r1')).toBe(true);
    expect(supportsIngressControllerNone('v1.34.3+rke2r1')).toBe(true);
    expect(supportsIngressControllerNone('v1.34.2+rke2r1')).toBe(false);
    expect(supportsIngressControllerNone('v1.32.11+rke2r1')).toBe(true);
    expect(supportsIngressControllerNone('v1.31.9+rke2r1')).toBe(false);
    const old = loadText(
      editProd((d) => d.setIn(['cluster', 'rke2', 'version'], 'v1.31.9+rke2r1')),
    ).inventory;
    expect(clusterWideServerConfig(old)).toMatchObject({ disable: ['rke2-ingress-nginx'] });
  });

  it('brackets an IPv6 registration address in the join URL', () => {
    const inv = { ...inventory, cluster: { ...inventory.cluster, registrationAddress: 'fd00::10' } };
    expect(registrationUrl(inv)).toBe('https://[fd00::10]:9345');
  });
});
