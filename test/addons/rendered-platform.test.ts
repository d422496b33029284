/**
 * The platform of inventory/prod.yaml as a whole: every HelmChart rigger applies rendered by real
 * helm from the real chart at its pinned version (../shared/charts), beside rigger's own objects.
 * Each assertion is something a real cluster would refuse or silently get wrong.
 */
import type { KubernetesObject, V1Service } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { overlaps, parseIp, parseRangeOrCidr } from '../../src/inventory/ip-range.ts';
import { ofKind, refOf, renderedPlatform, SECRET_VALUES, type Platform } from './platform.ts';
import { claims, containersOf, workloads } from './workloads.ts';

type Free = KubernetesObject & { spec?: Record<string, unknown>; data?: Record<string, string> };

let platform: Platform;
beforeAll(() => {
  platform = renderedPlatform();
}, 300_000);

const isDefaultClass = (o: KubernetesObject): boolean =>
  o.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';

describe('storage', () => {
  it('binds every claim: its StorageClass exists and a CSI driver of the platform serves its provisioner', () => {
    const classes = ofKind(platform.objects, 'StorageClass') as (KubernetesObject & {
      provisioner: string;
    })[];
    const defaults = classes.filter(isDefaultClass);
    // ceph-csi-operator's Driver objects (csi.ceph.io) become the CSIDrivers; plain CSIDrivers count too.
    const drivers = new Set(
      [...ofKind(platform.objects, 'Driver'), ...ofKind(platform.objects, 'CSIDriver')].map(
        (d) => d.metadata?.name,
      ),
    );
    const all = claims(platform.objects);
    expect(all.length).toBeGreaterThan(0);
    const unbound = all.flatMap((c) => {
      const name =
        c.spec.storageClassName ?? (defaults.length === 1 ? defaults[0]?.metadata?.name : undefined);
      const sc = classes.find((s) => s.metadata?.name === name);
      if (!sc) return [`${c.owner}: no StorageClass ${name ?? '(default)'}`];
      if (!drivers.has(sc.provisioner)) return [`${c.owner}: no CSI driver ${sc.provisioner}`];
      return [];
    });
    expect(unbound).toEqual([]);
  });

  it('gives Loki, Tempo, Prometheus, Alertmanager and Grafana persistent claims', () => {
    const owners = claims(platform.objects).map((c) => c.owner);
    for (const want of [
      /StatefulSet\/monitoring\/loki/,
      /StatefulSet\/monitoring\/tempo/,
      /^Prometheus\//,
      /^Alertmanager\//,
      /PersistentVolumeClaim\/monitoring\/.*grafana/,
    ])
      expect(
        owners.some((o) => want.test(o)),
        `${want} among ${owners.join(', ')}`,
      ).toBe(true);
  });
});

describe('backups', () => {
  it('has exactly one BackupStorageLocation, on the aws provider', () => {
    const bsls = ofKind(platform.objects, 'BackupStorageLocation') as Free[];
    expect(bsls.map(refOf)).toEqual(['BackupStorageLocation/velero/default']);
    expect(bsls[0]?.spec?.provider).toBe('aws');
  });

  it('runs the AWS plugin release made for the Velero it installs', () => {
    // velero-plugin-for-aws README, "Compatibility": plugin v1.(N-4).x goes with Velero v1.N.x
    // (v1.13.x with v1.17.x; v1.14.x with v1.18.x).
    const images = workloads(platform.objects).flatMap((w) => containersOf(w).map((c) => c.image ?? ''));
    const velero = images.map((i) => /\/velero\/velero:v1\.(\d+)\./.exec(i)?.[1]).find(Boolean);
    const plugins = [...new Set(images.filter((i) => i.includes('velero-plugin-for-aws')))];
    expect(velero).toBeDefined();
    expect(plugins).toHaveLength(1);
    expect(plugins[0]).toMatch(new RegExp(`:v1\\.${Number(velero) - 4}\\.\\d+$`));
  });
});

describe('secrets', () => {
  it('keeps every secret value out of every object that is not a Secret', () => {
    // What the charts render, rigger's own objects, and the HelmCharts themselves.
    const leaks = [...platform.objects, ...ofKind(platform.applied, 'HelmChart')]
      .filter((o) => o.kind !== 'Secret')
      .flatMap((o) => {
        const text = JSON.stringify(o);
        return SECRET_VALUES.filter(
          (v) => text.includes(v) || text.includes(Buffer.from(v).toString('base64')),
        ).map((v) => `${refOf(o)} holds ${v.slice(0, 6)}…`);
      });
    expect(leaks).toEqual([]);
  });
});

/** The Alloy configuration (River) the log shipper's DaemonSet runs. */
function alloyConfig(): { text: string; daemonSet: KubernetesObject } {
  const alloy = platform.charts.find((c) => c.chart.spec.chart === 'alloy');
  const ds = alloy?.objects.find((o) => o.kind === 'DaemonSet');
  const cm: Free | undefined = alloy?.objects.find(
    (o: Free) => o.kind === 'ConfigMap' && 'config.alloy' in (o.data ?? {}),
  );
  expect(ds, 'Alloy runs as a DaemonSet').toBeDefined();
  return { text: cm?.data?.['config.alloy'] ?? '', daemonSet: ds as KubernetesObject };
}

describe('logs', () => {
  it("reads each pod's log once: every node's Alloy tails only the pods of its own node", () => {
    const { text, daemonSet } = alloyConfig();
    expect(text).toMatch(/loki\.source\.kubernetes\s+"/);
    // Each discovery.kubernetes of pods selects the pods of the node Alloy runs on (Alloy docs,
    // discovery.kubernetes `selectors`, field spec.nodeName), whose name HOSTNAME carries.
    const blocks = [...text.matchAll(/discovery\.kubernetes\s+"[^"]+"\s*\{([\s\S]*?)\n\}/g)].map(
      (m) => m[1] ?? '',
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b).toMatch(/field\s*=\s*"spec\.nodeName="\s*\+\s*sys\.env\("HOSTNAME"\)/);
    const env = workloads([daemonSet]).flatMap((w) => w.pod.containers.flatMap((c) => c.env ?? []));
    expect(env.find((e) => e.name === 'HOSTNAME')?.valueFrom?.fieldRef?.fieldPath).toBe('spec.nodeName');
    // Tailing /var/log/pods as files besides the API would read every line twice.
    expect(text).not.toMatch(/\/var\/log\/pods/);
  });

  it("reads the node's own journal, from a path the DaemonSet mounts from the host", () => {
    const { text, daemonSet } = alloyConfig();
    const path = /loki\.source\.journal\s+"[^"]+"\s*\{[^}]*path\s*=\s*"([^"]+)"/.exec(text)?.[1];
    expect(path).toBeDefined();
    const [w] = workloads([daemonSet]);
    const hostPaths = (w?.pod.volumes ?? []).flatMap((v) => (v.hostPath ? [v.hostPath.path] : []));
    expect(hostPaths.some((p) => path?.startsWith(p))).toBe(true);
  });
});

describe('metrics', () => {
  const thanos = (cmd: string) =>
    workloads(platform.objects).filter((w) =>
      w.pod.containers.some((c) => (c.image ?? '').includes('thanos') && (c.args ?? []).includes(cmd)),
    );

  it('queries and compacts the blocks Thanos uploads: Query, Store Gateway and Compactor run', () => {
    for (const cmd of ['query', 'store', 'compact'])
      expect(
        thanos(cmd).map((w) => w.ref),
        cmd,
      ).toHaveLength(1);
    // Store Gateway and Compactor read the bucket with the object store config rigger writes.
    for (const cmd of ['store', 'compact']) {
      const secrets = thanos(cmd).flatMap((w) => (w.pod.volumes ?? []).map((v) => v.secret?.secretName));
      expect(secrets, cmd).toContain('thanos-objstore');
    }
    expect(ofKind(platform.objects, 'Secret').map(refOf)).toContain('Secret/monitoring/thanos-objstore');
  });

  it('lets Query reach the Prometheus sidecars and the Store Gateway through Services that exist', () => {
    const [query] = thanos('query');
    const args = query?.pod.containers.flatMap((c) => c.args ?? []) ?? [];
    const endpoints = args.flatMap(
      (a) => /^--endpoint=dnssrv\+_grpc\._tcp\.([^.]+)\.([^.]+)\.svc/.exec(a)?.slice(1, 3) ?? [],
    );
    const services = ofKind(platform.objects, 'Service') as V1Service[];
    const reached = [];
    for (let i = 0; i < endpoints.length; i += 2) {
      const svc = services.find(
        (s) => s.metadata?.name === endpoints[i] && s.metadata?.namespace === endpoints[i + 1],
      );
      expect(
        svc?.spec?.ports?.some((p) => p.name === 'grpc'),
        `${endpoints[i]}`,
      ).toBe(true);
      reached.push(endpoints[i]);
    }
    expect(reached.some((n) => n?.includes('thanos-discovery'))).toBe(true);
    expect(reached.some((n) => n?.includes('storegateway'))).toBe(true);
  });

  it('lets Grafana query through Thanos Query', () => {
    const sources = (ofKind(platform.objects, 'ConfigMap') as Free[]).filter(
      (c) => c.metadata?.labels?.grafana_datasource === '1',
    );
    const text = sources.map((s) => Object.values(s.data ?? {}).join('\n')).join('\n');
    const url = /url:\s*(\S+)/.exec(text)?.[1] ?? '';
    const host = new URL(url).hostname.split('.');
    const services = ofKind(platform.objects, 'Service') as V1Service[];
    const svc = services.find((s) => s.metadata?.name === host[0] && s.metadata?.namespace === host[1]);
    const [query] = thanos('query');
    expect(svc, url).toBeDefined();
    const selector = Object.entries(svc?.spec?.selector ?? {});
    expect(selector.length).toBeGreaterThan(0);
    expect(selector.every(([k, v]) => query?.labels[k] === v)).toBe(true);
  });
});

describe('load balancing and ingress', () => {
  it('runs MetalLB in layer 2 only, without the frr-k8s BGP backend', () => {
    const frr = platform.objects.filter((o) =>
      /frr-k8s|frrk8s/.test(`${o.metadata?.name} ${o.metadata?.labels?.['helm.sh/chart'] ?? ''}`),
    );
    expect(frr.map(refOf)).toEqual([]);
  });

  it("runs two F5 NGINX Ingress Controllers, each with its IngressClass and its pool's MetalLB address", () => {
    const ing = platform.inventory.addons.ingressNginx;
    const classes = ofKind(platform.objects, 'IngressClass') as (KubernetesObject & {
      spec: { controller: string };
    })[];
    expect(classes.map((c) => c.metadata?.name).sort()).toEqual(
      [ing.internal?.className, ing.public?.className].sort(),
    );
    for (const instance of [ing.public, ing.internal]) {
      if (!instance) throw new Error('both instances are in prod.yaml');
      // F5's controller takes the resources of IngressClasses whose controller is nginx.org/ingress-controller
      // and whose name is its -ingress-class.
      expect(classes.find((c) => c.metadata?.name === instance.className)?.spec.controller).toBe(
        'nginx.org/ingress-controller',
      );
      const controllers = workloads(platform.objects).filter((w) =>
        w.pod.containers.some(
          (c) =>
            (c.image ?? '').includes('nginx/nginx-ingress') &&
            (c.args ?? []).includes(`-ingress-class=${instance.className}`),
        ),
      );
      expect(controllers.map((w) => w.object.kind)).toEqual(['DaemonSet']);
      const ns = controllers[0]?.object.metadata?.namespace;
      const svc = (ofKind(platform.objects, 'Service') as V1Service[]).find(
        (s) => s.metadata?.namespace === ns && s.spec?.type === 'LoadBalancer',
      );
      expect(svc?.metadata?.annotations?.['metallb.io/loadBalancerIPs']).toBe(instance.loadBalancerIP);
      const pool = platform.inventory.addons.metallb.pools.find(
        (p) => p.name === svc?.metadata?.annotations?.['metallb.io/address-pool'],
      );
      const ip = parseIp(instance.loadBalancerIP);
      expect(pool && ip && pool.addresses.some((a) => overlaps(parseRangeOrCidr(a), ip))).toBe(true);
    }
    const retired = workloads(platform.objects).filter((w) =>
      w.pod.containers.some((c) => (c.image ?? '').includes('ingress-nginx/controller')),
    );
    expect(retired.map((w) => w.ref)).toEqual([]);
  });
});
