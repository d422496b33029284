import type { KubernetesObject } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Redactor } from '../core/redact.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import { editProd, loadText, PROD_ENV, prodText } from '../inventory/testing.ts';
import { projectPath } from '../core/project-root.ts';
import { ADDON_LABEL } from './addon.ts';
import { ADDONS } from './registry.ts';
import { helmChartManifest, mergeValues, type HelmChart } from './values.ts';

function renderAll(text = prodText(), env: NodeJS.ProcessEnv = PROD_ENV) {
  const loaded = loadText(text, env);
  const secrets = resolveSecrets(loaded, env, new Redactor());
  return Object.fromEntries(
    ADDONS.map((a) => [
      a.id,
      a.enabled(loaded.inventory) ? a.render({ inventory: loaded.inventory, secrets }) : [],
    ]),
  );
}

const refOf = (o: KubernetesObject) =>
  `${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- chart values are free-form; the assertions check them
type Free = Record<string, any>;
const values = (o: KubernetesObject | undefined) => parse((o as HelmChart).spec.valuesContent ?? '') as Free;
const find = (objs: KubernetesObject[] | undefined, kind: string, name?: string) =>
  objs?.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));

describe('add-on rendering from the prod inventory', () => {
  const all = renderAll();

  it('renders every enabled add-on, HelmCharts in kube-system (the only namespace RKE2 manages)', () => {
    expect(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.map(refOf)]))).toEqual({
      cilium: ['HelmChartConfig/kube-system/rke2-cilium'],
      metallb: [
        'Namespace/metallb-system',
        'HelmChart/kube-system/metallb',
        'IPAddressPool/metallb-system/public',
        'IPAddressPool/metallb-system/internal',
        'L2Advertisement/metallb-system/rigger-l2',
      ],
      'ingress-nginx': [
        'Namespace/nginx-ingress-public',
        'HelmChart/kube-system/nginx-ingress-public',
        'Namespace/nginx-ingress-internal',
        'HelmChart/kube-system/nginx-ingress-internal',
      ],
      'rook-ceph': [
        'Namespace/rook-ceph',
        'HelmChart/kube-system/rook-ceph',
        'HelmChart/kube-system/rook-ceph-cluster',
        'HelmChart/kube-system/ceph-csi-drivers',
      ],
      velero: [
        'Namespace/velero',
        'Secret/velero/velero-s3',
        'HelmChart/kube-system/velero',
        'BackupStorageLocation/velero/default',
        'Schedule/velero/daily',
      ],
      monitoring: [
        'Namespace/monitoring',
        'Secret/monitoring/thanos-objstore',
        'Secret/monitoring/grafana-admin',
        'HelmChart/kube-system/kube-prometheus-stack',
        'HelmChart/kube-system/thanos',
      ],
      loki: ['Namespace/monitoring', 'Secret/monitoring/loki-s3', 'HelmChart/kube-system/loki'],
      logs: ['Namespace/monitoring', 'HelmChart/kube-system/alloy'],
      tempo: ['Namespace/monitoring', 'Secret/monitoring/tempo-s3', 'HelmChart/kube-system/tempo'],
    });
  });

  it('labels every object with rigger and its add-on (namespaces, shared, only with rigger)', () => {
    for (const [id, objects] of Object.entries(all)) {
      for (const o of objects) {
        expect(o.metadata?.labels?.['app.kubernetes.io/managed-by']).toBe('rigger');
        expect(o.metadata?.labels?.[ADDON_LABEL]).toBe(o.kind === 'Namespace' ? undefined : id);
      }
    }
  });

  it('never puts a secret into a HelmChart: credentials live in Secrets the charts reference', () => {
    const env = {
      ...PROD_ENV,
      RIGGER_PROD_VELERO_S3: 'AKIAVELERO0001:veleroSecret0123',
      RIGGER_PROD_OBS_S3: 'AKIAOBSERV0001:observSecret0123',
      RIGGER_PROD_GRAFANA_PASSWORD: 'grafanaPassword0123',
    };
    const rendered = renderAll(prodText(), env);
    const charts = Object.values(rendered)
      .flat()
      .filter((o) => o.kind === 'HelmChart');
    const text = JSON.stringify(charts);
    for (const v of [
      'AKIAVELERO0001',
      'veleroSecret0123',
      'AKIAOBSERV0001',
      'observSecret0123',
      'grafanaPassword0123',
    ])
      expect(text).not.toContain(v);
    const decoded = (o: KubernetesObject | undefined, key: string) =>
      Buffer.from((o as { data: Record<string, string> }).data[key] ?? '', 'base64').toString();
    expect(decoded(find(rendered.velero, 'Secret', 'velero-s3'), 'cloud')).toBe(
      '[default]\naws_access_key_id = AKIAVELERO0001\naws_secret_access_key = veleroSecret0123\n',
    );
    expect(values(find(rendered.velero, 'HelmChart')).credentials).toEqual({
      useSecret: true,
      existingSecret: 'velero-s3',
    });
    // Loki and Tempo expand ${AWS_...} from their Secret: their charts render config into ConfigMaps.
    for (const id of ['loki', 'tempo']) {
      expect(decoded(find(rendered[id], 'Secret', `${id}-s3`), 'AWS_SECRET_ACCESS_KEY')).toBe(
        'observSecret0123',
      );
      expect(JSON.stringify(values(find(rendered[id], 'HelmChart')))).toContain('${AWS_SECRET_ACCESS_KEY}');
    }
    expect(parse(decoded(find(rendered.monitoring, 'Secret', 'thanos-objstore'), 'objstore.yml'))).toEqual({
      type: 'S3',
      config: {
        bucket: 'prod-thanos',
        endpoint: 's3.obs.example.com',
        region: 'eu-west-1',
        insecure: false,
        access_key: 'AKIAOBSERV0001',
        secret_key: 'observSecret0123',
        bucket_lookup_type: 'path',
      },
    });
  });

  it('fills pools, ingress addresses and Ceph devices from the inventory as data', () => {
    expect(find(all.metallb, 'IPAddressPool', 'internal')).toMatchObject({
      spec: { addresses: ['10.20.0.224/28'], autoAssign: false },
    });
    expect(find(all.metallb, 'L2Advertisement')).toMatchObject({
      spec: { ipAddressPools: ['public', 'internal'] },
    });
    const internal = values(find(all['ingress-nginx'], 'HelmChart', 'nginx-ingress-internal'));
    expect(internal.controller).toMatchObject({
      kind: 'daemonset',
      ingressClass: { name: 'internal', create: true },
      reportIngressStatus: { leaderElectionLockName: 'nginx-ingress-internal-leader' },
      service: {
        type: 'LoadBalancer',
        annotations: { 'metallb.io/loadBalancerIPs': '10.20.0.225', 'metallb.io/address-pool': 'internal' },
      },
    });
    const ceph = values(find(all['rook-ceph'], 'HelmChart', 'rook-ceph-cluster'));
    expect(ceph.cephClusterSpec).toMatchObject({
      mon: { count: 3 },
      mgr: { count: 2 },
      dataDirHostPath: '/var/lib/rook',
      storage: {
        useAllDevices: false,
        nodes: ['worker-1', 'worker-2', 'worker-3'].map((name) => ({
          name,
          devices: [{ name: 'nvme1n1' }, { name: 'nvme2n1' }],
        })),
      },
    });
    expect((ceph.cephBlockPools as Free[])[0]?.storageClass).toMatchObject({
      name: 'ceph-block',
      isDefault: true,
    });
  });

  it("points every chart at the inventory's mirror, and an add-on at its own repository", () => {
    const text = editProd((doc) => {
      doc.setIn(['addons', 'chartRepository'], 'http://charts.example.internal/');
      doc.setIn(['addons', 'velero', 'chartRepository'], 'https://velero-mirror.example.internal/');
    });
    const repos = Object.values(renderAll(text))
      .flat()
      .filter((o): o is HelmChart => o.kind === 'HelmChart')
      .map((c) => [c.metadata?.name, c.spec.repo]);
    expect(repos.length).toBeGreaterThan(8);
    for (const [name, repo] of repos)
      expect([name, repo]).toEqual([
        name,
        name === 'velero' ? 'https://velero-mirror.example.internal/' : 'http://charts.example.internal/',
      ]);
    // Without one, each chart comes from its upstream repository.
    expect((find(all.velero, 'HelmChart') as HelmChart).spec.repo).toBe(
      'https://vmware-tanzu.github.io/helm-charts',
    );
  });

  it("lets the operator's values win over rigger's, and a version override replace the pinned one", () => {
    const text = editProd((doc) => {
      doc.setIn(['addons', 'metallb', 'version'], '0.16.2');
      doc.setIn(['addons', 'metallb', 'values'], doc.createNode({ speaker: { frr: { enabled: true } } }));
    });
    const chart = find(renderAll(text).metallb, 'HelmChart') as HelmChart;
    expect(chart.spec.version).toBe('0.16.2');
    expect(values(chart)).toEqual({ frrk8s: { enabled: false }, speaker: { frr: { enabled: true } } });
  });

  it('changes the Loki and Tempo charts when their keys change, so their pods restart with the new ones', () => {
    const before = renderAll();
    const after = renderAll(prodText(), { ...PROD_ENV, RIGGER_PROD_OBS_S3: 'AKIA:rotated' });
    for (const id of ['loki', 'tempo']) {
      const v = (all: typeof before) => (find(all[id], 'HelmChart') as HelmChart).spec.valuesContent;
      expect(v(after), id).not.toEqual(v(before));
      expect(v(after), id).not.toContain('rotated');
    }
  });

  it('renders nothing for a disabled add-on', () => {
    const text = editProd((doc) => doc.setIn(['addons', 'velero', 'enabled'], false));
    expect(renderAll(text).velero).toEqual([]);
  });
});

describe('manifests/', () => {
  it("pins in each HelmChart the same version as the inventory schema's default", () => {
    interface Versioned {
      properties: { version: { default: string } };
    }
    const schema = JSON.parse(readFileSync(projectPath('schemas', 'inventory.schema.json'), 'utf8')) as {
      $defs: {
        addons: {
          properties: Record<'metallb' | 'ingressNginx' | 'velero', Versioned> & {
            rookCeph: { properties: Record<'version' | 'csiDriversVersion', { default: string }> };
            observability: {
              properties: Record<'prometheus' | 'loki' | 'logs' | 'tempo' | 'thanos', Versioned>;
            };
          };
        };
      };
    };
    const p = schema.$defs.addons.properties;
    const o = p.observability.properties;
    const pins: [string, string, string][] = [
      ['metallb', 'helmchart.yaml', p.metallb.properties.version.default],
      ['nginx-ingress', 'helmchart.yaml', p.ingressNginx.properties.version.default],
      ['rook-ceph', 'helmchart.yaml', p.rookCeph.properties.version.default],
      ['rook-ceph', 'cluster-helmchart.yaml', p.rookCeph.properties.version.default],
      ['rook-ceph', 'csi-drivers-helmchart.yaml', p.rookCeph.properties.csiDriversVersion.default],
      ['velero', 'helmchart.yaml', p.velero.properties.version.default],
      ['monitoring', 'helmchart.yaml', o.prometheus.properties.version.default],
      ['loki', 'helmchart.yaml', o.loki.properties.version.default],
      ['logs', 'helmchart.yaml', o.logs.properties.version.default],
      ['tempo', 'helmchart.yaml', o.tempo.properties.version.default],
      ['monitoring', 'thanos-helmchart.yaml', o.thanos.properties.version.default],
    ];
    for (const [folder, file, version] of pins)
      expect([folder, helmChartManifest(folder, file).spec.version]).toEqual([folder, version]);
  });
});

describe('mergeValues', () => {
  it('merges maps key by key, replaces lists and scalars, and removes a key set to null', () => {
    expect(
      mergeValues(
        { a: { b: 1, c: [1, 2] }, d: 'x', e: 1 },
        { a: { c: [3] }, d: 'y' },
        { a: { b: 2 }, e: null },
      ),
    ).toEqual({ a: { b: 2, c: [3] }, d: 'y' });
  });
});
