/**
 * The add-ons on the lab's cluster, through its real kube-apiserver, by the same code path as on
 * real RKE2: HelmCharts in kube-system for the helm-controller (the RKE2 stand-in runs a
 * stand-in of it, see test/rke2-stand-in/README.md), plain objects by server-side apply, and the
 * cluster side of `rigger drift`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CoordinationV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  V1MicroTime,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import { ensureLab, labClusterKubeconfig, labInventory, ROOT } from '../support/lab.ts';

const S3 = 'LABACCESSKEY42:lab-secret-key-0f9e8d';
const GRAFANA = 'grafana-lab-password-7c1';
const env = { ...process.env, RIGGER_LAB_S3: S3, RIGGER_LAB_GRAFANA: GRAFANA };
/** Everything printed by this file's runs, searched for secrets at the end. */
const printed: string[] = [];

/** The lab inventory with every add-on the lab can hold enabled (Rook-Ceph needs raw disks). */
function fullInventory(edit: (doc: Document) => void = () => undefined): string {
  return labInventory((doc) => {
    const s3 = { env: 'RIGGER_LAB_S3' };
    doc.setIn(
      ['addons', 'velero'],
      doc.createNode({
        enabled: true,
        s3: { endpoint: 'http://172.31.250.1:9000', bucket: 'lab-velero', credentials: s3 },
        schedule: '30 1 * * *',
      }),
    );
    doc.setIn(
      ['addons', 'observability'],
      doc.createNode({
        objectStorage: { endpoint: 'http://172.31.250.1:9000', credentials: s3 },
        prometheus: { enabled: true, retention: '12h' },
        alertmanager: { enabled: true },
        grafana: { enabled: true, adminPassword: { env: 'RIGGER_LAB_GRAFANA' } },
        thanos: { enabled: true, bucket: 'lab-thanos' },
        loki: { enabled: true, bucket: 'lab-loki' },
        logs: { enabled: true },
        tempo: { enabled: true, bucket: 'lab-tempo' },
      }),
    );
    doc.setIn(['addons', 'timeoutSeconds'], 60);
    edit(doc);
  });
}

async function cli(...argv: string[]) {
  const r = await runCli(argv, { cwd: ROOT, env });
  printed.push(r.stdout, r.stderr);
  return r;
}

interface DriftReport {
  drift: boolean;
  objects: { ref: string; addon: string; kind: string; fields: { path: string; manager?: string }[] }[];
}

async function clusterDrift(
  inventory: string,
): Promise<{ code: number; report: DriftReport; stderr: string }> {
  const r = await cli('drift', inventory, '--only', 'cluster', '--json');
  return {
    code: r.code,
    report: r.stdout ? (JSON.parse(r.stdout) as DriftReport) : { drift: true, objects: [] },
    stderr: r.stderr,
  };
}

describe.sequential('add-ons on the lab cluster', () => {
  let kc: KubeConfig;
  let api: KubernetesObjectApi;
  const inventory = fullInventory();

  beforeAll(async () => {
    await ensureLab();
    // Hosts and RKE2 first, as `rigger provision` does; then the tests work on the add-ons.
    const hosts = await cli('provision', inventory, '--skip', 'addons', '--force-unlock');
    expect(hosts.code, hosts.stderr + hosts.stdout).toBe(0);
    const found = await labClusterKubeconfig();
    if (!found) throw new Error('no lab cluster answers after provision');
    kc = found;
    api = KubernetesObjectApi.makeApiClient(kc);
  });
  // Leave the cluster as inventory/lab.yaml has it: what only this file enabled is pruned.
  afterAll(async () => {
    const r = await cli('provision', labInventory(), '--only', 'addons', '--prune');
    expect(r.code, r.stderr + r.stdout).toBe(0);
  });

  it('installs every add-on: charts by the helm-controller, then the objects whose CRDs they bring', async () => {
    const r = await cli('provision', inventory);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const charts = await api.list('helm.cattle.io/v1', 'HelmChart', 'kube-system');
    const byName: Record<string, string | undefined> = Object.fromEntries(
      charts.items.map((c) => [
        c.metadata?.name ?? '',
        (c as { status?: { jobName?: string } }).status?.jobName,
      ]),
    );
    expect(byName).toMatchObject({
      metallb: 'helm-install-metallb',
      'nginx-ingress-public': 'helm-install-nginx-ingress-public',
      'nginx-ingress-internal': 'helm-install-nginx-ingress-internal',
      velero: 'helm-install-velero',
      'kube-prometheus-stack': 'helm-install-kube-prometheus-stack',
      thanos: 'helm-install-thanos',
      loki: 'helm-install-loki',
      alloy: 'helm-install-alloy',
      tempo: 'helm-install-tempo',
    });
    const pool = await api.read({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name: 'internal', namespace: 'metallb-system' },
    });
    expect(pool).toMatchObject({ spec: { addresses: ['172.31.250.224/28'], autoAssign: false } });
    expect(pool.metadata?.managedFields?.map((m) => `${m.manager}/${m.operation}`)).toContain('rigger/Apply');
    const bsl = await api.read({
      apiVersion: 'velero.io/v1',
      kind: 'BackupStorageLocation',
      metadata: { name: 'default', namespace: 'velero' },
    });
    expect(bsl).toMatchObject({
      spec: { objectStorage: { bucket: 'lab-velero' }, config: { s3Url: 'http://172.31.250.1:9000' } },
    });
    const ns = await kc.makeApiClient(CoreV1Api).readNamespace({ name: 'metallb-system' });
    expect(ns.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('privileged');
    const s = await kc
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ name: 'loki-s3', namespace: 'monitoring' });
    expect(Buffer.from(s.data?.AWS_ACCESS_KEY_ID ?? '', 'base64').toString()).toBe('LABACCESSKEY42');
  });

  it('changes nothing on a second run, and finds no drift', async () => {
    const r = await cli('provision', inventory);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 task\(s\) changed$/m);
    const d = await clusterDrift(inventory);
    expect(d.report).toEqual({ drift: false, hosts: [], objects: [] });
    expect(d.code).toBe(0);
  });

  it('names the object, the field and the manager when another manager takes a MetalLB pool field', async () => {
    await api.patch(
      {
        apiVersion: 'metallb.io/v1beta1',
        kind: 'IPAddressPool',
        metadata: { name: 'public', namespace: 'metallb-system' },
        spec: { addresses: ['172.31.250.200-172.31.250.201'] },
      } as KubernetesObject,
      undefined,
      undefined,
      'night-shift-operator',
      true,
      PatchStrategy.ServerSideApply,
    );
    const junit = join(ROOT, '.rigger', `drift-${process.pid}.xml`);
    const r = await cli('drift', inventory, '--only', 'cluster', '--json', '--junit', junit);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as DriftReport).objects).toEqual([
      {
        ref: 'IPAddressPool/metallb-system/public',
        addon: 'metallb',
        kind: 'conflict',
        summary: 'take back IPAddressPool/metallb-system/public from "night-shift-operator": spec.addresses',
        fields: [{ path: 'spec.addresses', manager: 'night-shift-operator' }],
      },
    ]);
    expect(readFileSync(junit, 'utf8')).toMatch(
      /<testcase classname="cluster" name="metallb"><failure message="1 difference\(s\)">take back IPAddressPool\/metallb-system\/public/,
    );
    const text = await cli('drift', inventory, '--only', 'cluster');
    expect(text.stdout).toContain('spec.addresses: now owned by "night-shift-operator"');
    // provision takes the field back; then there is no drift.
    expect((await cli('provision', inventory, '--only', 'addons')).code).toBe(0);
    expect((await clusterDrift(inventory)).code).toBe(0);
  });

  it('reports a managed object that was deleted, and provision recreates it', async () => {
    await api.delete({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'L2Advertisement',
      metadata: { name: 'rigger-l2', namespace: 'metallb-system' },
    });
    const d = await clusterDrift(inventory);
    expect(d.code).toBe(1);
    expect(d.report.objects.map((o) => `${o.kind} ${o.ref}`)).toEqual([
      'missing L2Advertisement/metallb-system/rigger-l2',
    ]);
    expect((await cli('provision', inventory, '--only', 'addons')).code).toBe(0);
    expect((await clusterDrift(inventory)).code).toBe(0);
  });

  it('reports a declared field that differs from the live one, with old and new values', async () => {
    const changed = fullInventory((doc) => doc.setIn(['addons', 'velero', 'schedule'], '0 12 * * *'));
    const d = await cli('drift', changed, '--only', 'cluster');
    expect(d.code).toBe(1);
    expect(d.stdout).toContain('velero: configure Schedule/velero/daily: spec.schedule');
    expect(d.stdout).toContain('spec.schedule: "30 1 * * *" -> "0 12 * * *"');
    const plan = await cli('plan', changed, '--only', 'addons', '--output', 'plain');
    expect(plan.stdout).toContain('configure Schedule/velero/daily: spec.schedule');
    // Nothing was applied by either.
    expect((await clusterDrift(inventory)).code).toBe(0);
  });

  it('keeps a disabled add-on and says so; --prune removes what it installed', async () => {
    const without = fullInventory((doc) => doc.setIn(['addons', 'observability', 'tempo', 'enabled'], false));
    const r = await cli('provision', without, '--only', 'addons');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain(
      'HelmChart/kube-system/tempo is no longer in the inventory (rigger provision --prune deletes it)',
    );
    const chart = {
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: { name: 'tempo', namespace: 'kube-system' },
    };
    await expect(api.read(chart)).resolves.toBeTruthy();
    const d = await clusterDrift(without);
    expect(d.code).toBe(1);
    expect(d.report.objects.map((o) => `${o.addon}: ${o.kind} ${o.ref}`).sort()).toEqual([
      'tempo: orphan HelmChart/kube-system/tempo',
      'tempo: orphan Secret/monitoring/tempo-s3',
    ]);
    const pruned = await cli('provision', without, '--only', 'addons', '--prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    await expect(api.read(chart)).rejects.toMatchObject({ code: 404 });
    expect((await clusterDrift(without)).code).toBe(0);
    // Enabled again, it comes back.
    expect((await cli('provision', inventory, '--only', 'addons')).code).toBe(0);
  });

  it('keeps the retired ingress-nginx release of an older rigger until --prune removes it', async () => {
    // What rigger applied before the move to F5's NGINX Ingress Controller: same add-on label.
    const old = {
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: {
        name: 'ingress-nginx-public',
        namespace: 'kube-system',
        labels: { 'app.kubernetes.io/managed-by': 'rigger', 'rigger.dev/addon': 'ingress-nginx' },
      },
      spec: { chart: 'ingress-nginx', version: '4.15.1', targetNamespace: 'ingress-nginx-public' },
    };
    await api.create(old);
    const kept = await cli('provision', inventory, '--only', 'addons');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout + kept.stderr).toContain(
      'HelmChart/kube-system/ingress-nginx-public is no longer in the inventory (rigger provision --prune deletes it)',
    );
    await expect(api.read(old)).resolves.toBeTruthy();
    const pruned = await cli('provision', inventory, '--only', 'addons', '--prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    await expect(api.read(old)).rejects.toMatchObject({ code: 404 });
  });

  it("fails a chart that cannot install, saying what the helm-controller's job saw", async () => {
    const bad = fullInventory((doc) => doc.setIn(['addons', 'metallb', 'version'], '9.9.9'));
    const r = await cli('provision', bad, '--only', 'addons', '--output', 'plain', '-v');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      // helm-controller's Job retries in the same Pod (backoffLimit 1000); helm's message is in
      // that Pod's log, which the stand-in (no kubelet) does not serve through the API.
      "HelmChart/kube-system/metallb: the chart's install failed: job helm-install-metallb is failing: pod helm-install-metallb-",
    );
    expect(r.stdout + r.stderr).toMatch(
      /container helm exited 1 \(\w+, \d+ attempts\); helm's message: kubectl -n kube-system logs helm-install-metallb-\w+ -c helm --previous/,
    );
    // Later add-ons were not attempted: the run stops at the first failed one.
    expect(r.stdout + r.stderr).toMatch(/ingress-nginx.*metallb failed earlier in the phase addons/);
    expect((await cli('provision', inventory, '--only', 'addons')).code).toBe(0);
  });

  it('refuses to change the cluster while another run holds its lock, naming the holder', async () => {
    const leases = kc.makeApiClient(CoordinationV1Api);
    await leases.createNamespacedLease({
      namespace: 'kube-system',
      body: {
        metadata: { name: 'rigger-run-lock', namespace: 'kube-system' },
        spec: {
          holderIdentity: 'run 0badc0de of alice@ops-laptop (provision)',
          leaseDurationSeconds: 90,
          renewTime: new V1MicroTime(Date.now()),
        },
      },
    });
    try {
      const r = await cli('provision', inventory, '--only', 'addons', '--output', 'plain');
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(
        'the cluster is locked by run 0badc0de of alice@ops-laptop (provision) (lease kube-system/rigger-run-lock renewed',
      );
      // A dry run and drift take no lock.
      expect((await clusterDrift(inventory)).code).toBe(0);
    } finally {
      await leases.deleteNamespacedLease({ name: 'rigger-run-lock', namespace: 'kube-system' });
    }
    expect((await cli('provision', inventory, '--only', 'addons')).code).toBe(0);
    // The lock is gone after the run.
    await expect(
      leases.readNamespacedLease({ name: 'rigger-run-lock', namespace: 'kube-system' }),
    ).rejects.toMatchObject({
      code: 404,
    });
  });

  it('checks the cluster through --kubeconfig alone, without SSH to any host', async () => {
    const file = join(ROOT, '.rigger', `lab-${process.pid}.kubeconfig`);
    writeFileSync(file, kc.exportConfig(), { mode: 0o600 });
    // Hosts at addresses nothing answers on: only the kubeconfig can reach the cluster.
    const unreachable = fullInventory((doc) => {
      const hosts = doc.get('hosts') as { items: { set: (k: string, v: string) => void }[] };
      hosts.items.forEach((h, i) => h.set('address', `192.0.2.${10 + i}`));
      doc.setIn(['cluster', 'registrationAddress'], '192.0.2.1');
    });
    const r = await cli('drift', unreachable, '--only', 'cluster', '--kubeconfig', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ drift: false, hosts: [], objects: [] });
  });

  it('never prints a secret, in output or in the run journals', () => {
    const journals = readdirSync(join(ROOT, '.rigger', 'runs')).map((f) =>
      readFileSync(join(ROOT, '.rigger', 'runs', f), 'utf8'),
    );
    for (const text of [...printed, ...journals]) {
      expect(text).not.toContain('LABACCESSKEY42');
      expect(text).not.toContain('lab-secret-key-0f9e8d');
      expect(text).not.toContain(GRAFANA);
      expect(text).not.toContain(Buffer.from(S3).toString('base64').slice(0, 12));
    }
  });
});
