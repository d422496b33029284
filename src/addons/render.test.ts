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
        'Namespace/ingress-nginx-public',
        'HelmChart/kube-system/ingress-nginx-public',
        'Namespace/ingress-nginx-internal',
        'HelmChart/kube-system/ingress-nginx-internal',
      ],
      'rook-ceph': [
        'Namespace/rook-ceph',
        'HelmChart/kube-system/rook-ceph',
        'CephCluster/rook-ceph/rook-ceph',
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
      ],
      loki: ['Namespace/monitoring', 'Secret/kube-system/loki-s3-values', 'HelmChart/kube-system/loki'],
      logs: ['Namespace/monitoring', 'HelmChart/kube-system/alloy'],
      tempo: ['Namespace/monitoring', 'Secret/kube-system/tempo-s3-values', 'HelmChart/kube-system/tempo'],
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
    const charts = Object.values(all)
      .flat()
      .filter((o) => o.kind === 'HelmChart');
    const text = JSON.stringify(charts);
    for (const secret of ['AKIA', 'secret', 'grafana-password']) expect(text).not.toContain(secret);
    const velero = find(all.velero, 'Secret', 'velero-s3') as { data: Record<string, string> };
    expect(Buffer.from(velero.data.cloud ?? '', 'base64').toString()).toBe(
      '[default]\naws_access_key_id = AKIA\naws_secret_access_key = secret\n',
    );
    expect(values(find(all.velero, 'HelmChart')).credentials).toEqual({
      useSecret: true,
      existingSecret: 'velero-s3',
    });
    expect((find(all.loki, 'HelmChart') as HelmChart).spec.valuesSecrets).toEqual([
      { name: 'loki-s3-values', keys: ['values.yaml'] },
    ]);
    const thanos = find(all.monitoring, 'Secret', 'thanos-objstore') as { data: Record<string, string> };
    expect(parse(Buffer.from(thanos.data['objstore.yml'] ?? '', 'base64').toString())).toEqual({
      type: 'S3',
      config: {
        bucket: 'prod-thanos',
        endpoint: 's3.obs.example.com',
        region: 'eu-west-1',
        insecure: false,
        access_key: 'AKIA',
        secret_key: 'secret',
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
    const internal = values(find(all['ingress-nginx'], 'HelmChart', 'ingress-nginx-internal'));
    expect(internal.controller).toMatchObject({
      kind: 'DaemonSet',
      electionID: 'ingress-nginx-internal-leader',
      ingressClassResource: { name: 'internal', controllerValue: 'k8s.io/ingress-nginx-internal' },
      service: {
        type: 'LoadBalancer',
        annotations: { 'metallb.io/loadBalancerIPs': '10.20.0.225', 'metallb.io/address-pool': 'internal' },
      },
    });
    expect(find(all['rook-ceph'], 'CephCluster')).toMatchObject({
      spec: {
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
      },
    });
    expect(values(find(all.cilium, 'HelmChartConfig'))).toMatchObject({
      kubeProxyReplacement: true,
      k8sServiceHost: 'localhost',
      k8sServicePort: 6443,
      ipam: { mode: 'kubernetes' },
      hubble: { relay: { enabled: true }, ui: { enabled: true } },
    });
  });

  it("lets the operator's values win over rigger's, and a version override replace the pinned one", () => {
    const text = editProd((doc) => {
      doc.setIn(['addons', 'metallb', 'version'], '0.16.2');
      doc.setIn(['addons', 'metallb', 'values'], doc.createNode({ speaker: { frr: { enabled: true } } }));
    });
    const chart = find(renderAll(text).metallb, 'HelmChart') as HelmChart;
    expect(chart.spec.version).toBe('0.16.2');
    expect(values(chart)).toEqual({ speaker: { frr: { enabled: true } } });
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
          properties: Record<'cilium' | 'metallb' | 'ingressNginx' | 'rookCeph' | 'velero', Versioned> & {
            observability: { properties: Record<'prometheus' | 'loki' | 'logs' | 'tempo', Versioned> };
          };
        };
      };
    };
    const p = schema.$defs.addons.properties;
    const o = p.observability.properties;
    const pins: [string, string, string][] = [
      ['metallb', 'helmchart.yaml', p.metallb.properties.version.default],
      ['ingress-nginx', 'helmchart.yaml', p.ingressNginx.properties.version.default],
      ['rook-ceph', 'helmchart.yaml', p.rookCeph.properties.version.default],
      ['velero', 'helmchart.yaml', p.velero.properties.version.default],
      ['monitoring', 'helmchart.yaml', o.prometheus.properties.version.default],
      ['loki', 'helmchart.yaml', o.loki.properties.version.default],
      ['logs', 'helmchart.yaml', o.logs.properties.version.default],
      ['tempo', 'helmchart.yaml', o.tempo.properties.version.default],
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
