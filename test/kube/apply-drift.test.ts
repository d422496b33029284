/**
 * How rigger plans, applies and checks its cluster objects, through the commands operators run
 * (`rigger plan|provision --only addons --kubeconfig`, `rigger drift --kubeconfig`) against a real
 * kube-apiserver (test/support/kube-api.ts). In production each add-on is a cluster task
 * (src/tasks/cluster/addon-task.ts): its plan is a server-side apply dry run of every rendered object
 * (objectDrift, src/kube/drift.ts) plus a list of the objects carrying its label that it no longer
 * renders; its apply is a forced server-side apply under the field manager `rigger` (applyObject,
 * src/kube/apply.ts); the engine then plans again (src/playbooks/cluster-phase.ts).
 *
 * Cilium is the add-on used (test/kube/fixtures/cilium-api.yaml): its one object, the
 * HelmChartConfig kube-system/rke2-cilium, needs no chart install Job, and nothing on a bare
 * kube-apiserver (no helm-controller, no nodes) would ever run one.
 */
import {
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
  type V1ManagedFieldsEntry,
} from '@kubernetes/client-node';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import { statusOf } from '../../src/kube/object-ref.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ENV = { RIGGER_TEST_TOKEN: 'apply-drift-token' };
const REF = 'HelmChartConfig/kube-system/rke2-cilium';
const CONFIG = {
  apiVersion: 'helm.cattle.io/v1',
  kind: 'HelmChartConfig',
  metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
};

type Live = KubernetesObject & { spec?: { valuesContent?: string } };
interface TaskResult {
  host: string;
  task: string;
  status: string;
  message?: string;
  changes: { summary: string; deferred?: boolean }[];
}
interface DriftReport {
  drift: boolean;
  hosts: unknown[];
  objects: {
    ref: string;
    addon: string;
    kind: string;
    fields: { path: string; live?: unknown; declared?: unknown; manager?: string }[];
  }[];
}

/** The parts of the fixture inventory the tests edit. */
interface FixtureInventory {
  addons: { cilium: { enabled: boolean; values: { operator: { replicas: number } } } };
}

let kube: KubeApi;
let api: KubernetesObjectApi;
let dir: string;

/** The fixture inventory, edited, written next to its known_hosts in the test's directory. */
function inventory(name: string, edit: (inv: FixtureInventory) => void = () => undefined): string {
  const inv = parse(readFileSync(join(FIXTURES, 'cilium-api.yaml'), 'utf8')) as FixtureInventory;
  edit(inv);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(inv));
  return file;
}

const rigger = (args: string[]) => runCli(args, { cwd: dir, env: ENV });

/** `rigger provision|plan --only addons --output json`: the cilium task's result, and the exit code. */
async function addons(command: 'provision' | 'plan', inv: string, ...more: string[]) {
  const r = await rigger([
    command,
    inv,
    '--only',
    'addons',
    '--kubeconfig',
    kube.kubeconfigPath,
    '--output',
    'json',
    ...more,
  ]);
  const results = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { type: string; result?: TaskResult })
    .flatMap((e) => (e.type === 'task' && e.result ? [e.result] : []));
  return { code: r.code, stderr: r.stderr, cilium: results.find((t) => t.task === 'cilium') };
}

/** `rigger drift --only cluster --json`: the report, and the exit code (0 none, 1 drift). */
async function drift(inv: string): Promise<{ code: number; report: DriftReport }> {
  const r = await rigger(['drift', inv, '--only', 'cluster', '--kubeconfig', kube.kubeconfigPath, '--json']);
  expect(r.code, r.stderr).toBeLessThan(2);
  return { code: r.code, report: JSON.parse(r.stdout) as DriftReport };
}

/** The HelmChartConfig as the API server has it; undefined only when it is not found. */
async function live(): Promise<Live | undefined> {
  try {
    return await api.read<Live>(CONFIG);
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/** What `rigger manifests` prints for the inventory: the object rigger declares. */
async function declared(inv: string): Promise<Live> {
  const r = await rigger(['manifests', inv]);
  expect(r.code, r.stderr).toBe(0);
  const objects = parseAllDocuments(r.stdout).map((d) => d.toJS() as Live);
  const o = objects.find((x) => x.kind === 'HelmChartConfig');
  if (!o) throw new Error(`rigger manifests printed no HelmChartConfig:\n${r.stdout}`);
  return o;
}

/** The helm.cattle.io CRDs as RKE2 installs them on every cluster; established before use. */
async function installHelmControllerCrds(): Promise<void> {
  const text = readFileSync(join(ROOT, 'manifests/helm-controller/crds.yaml'), 'utf8');
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as KubernetesObject;
    await api.patch(crd, undefined, undefined, 'rke2', true, PatchStrategy.ServerSideApply);
  }
  const deadline = Date.now() + 60_000;
  for (const kind of ['HelmChart', 'HelmChartConfig']) {
    for (;;) {
      try {
        await api.list('helm.cattle.io/v1', kind);
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

/**
 * The inventory host's Node, Ready, as its kubelet would register it: no kubelet runs here, and
 * drift also checks the cluster's Nodes (src/tasks/cluster/nodes-task.ts). Nothing marks it NotReady
 * later: no controller-manager runs either.
 */
async function registerNode(name: string): Promise<void> {
  const core = kube.kubeConfig().makeApiClient(CoreV1Api);
  const node = await core.createNode({ body: { metadata: { name } } });
  const now = new Date();
  node.status = {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        lastHeartbeatTime: now,
        lastTransitionTime: now,
      },
    ],
  };
  await core.replaceNodeStatus({ name, body: node });
}

beforeAll(async () => {
  kube = await startKubeApi();
  api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
  dir = mkdtempSync(join(tmpdir(), 'rigger-apply-drift-'));
  copyFileSync(join(FIXTURES, 'known_hosts'), join(dir, 'known_hosts'));
  await installHelmControllerCrds();
  await registerNode('cp-1');
});

afterAll(async () => {
  await kube.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('rigger plans, applies and checks add-on objects against a real kube-apiserver', () => {
  it('plans creating the HelmChartConfig and creates nothing', async () => {
    const r = await addons('plan', inventory('base'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.cilium).toMatchObject({ status: 'changed', changes: [{ summary: `create ${REF}` }] });
    expect(await live()).toBeUndefined();
  });

  it('provision server-side applies the object rigger manifests prints, under the field manager "rigger"', async () => {
    const r = await addons('provision', inventory('base'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.cilium?.status).toBe('changed');
    const o = await live();
    const want = await declared(inventory('base'));
    expect(o?.spec).toEqual(want.spec);
    expect(o?.metadata?.labels).toMatchObject(want.metadata?.labels ?? {});
    const managers = (o?.metadata?.managedFields ?? []).map(
      (m: V1ManagedFieldsEntry) => `${m.manager}/${m.operation}`,
    );
    expect(managers).toEqual(['rigger/Apply']);
  });

  it('a second provision changes nothing (the same resourceVersion) and drift finds none', async () => {
    const before = (await live())?.metadata?.resourceVersion;
    const r = await addons('provision', inventory('base'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.cilium).toMatchObject({ status: 'ok', changes: [] });
    expect((await live())?.metadata?.resourceVersion).toBe(before);
    expect(await drift(inventory('base'))).toEqual({
      code: 0,
      report: { drift: false, hosts: [], objects: [] },
    });
  });

  it('a declared field another manager took is drift naming the field and the manager; provision takes it back', async () => {
    const theirs = 'operator:\n  replicas: 5\n';
    await api.patch(
      { ...CONFIG, spec: { valuesContent: theirs } },
      undefined,
      undefined,
      'kubectl-edit',
      true,
      PatchStrategy.ServerSideApply,
    );
    const d = await drift(inventory('base'));
    expect(d.code).toBe(1);
    expect(d.report.objects).toEqual([
      expect.objectContaining({
        ref: REF,
        addon: 'cilium',
        kind: 'conflict',
        fields: [{ path: 'spec.valuesContent', manager: 'kubectl-edit' }],
      }),
    ]);

    const r = await addons('provision', inventory('base'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.cilium?.changes.map((c) => c.summary)).toEqual([
      `take back ${REF} from "kubectl-edit": spec.valuesContent`,
    ]);
    expect((await live())?.spec?.valuesContent).toBe((await declared(inventory('base'))).spec?.valuesContent);
    expect((await drift(inventory('base'))).code).toBe(0);
  });

  it('an inventory change is drift of a field rigger owns, live -> declared, which provision applies', async () => {
    const edited = inventory('one-operator', (inv) => (inv.addons.cilium.values.operator.replicas = 1));
    const before = (await live())?.spec?.valuesContent;
    const after = (await declared(edited)).spec?.valuesContent;
    expect(after).not.toBe(before);
    const d = await drift(edited);
    expect(d.code).toBe(1);
    expect(d.report.objects).toEqual([
      expect.objectContaining({
        ref: REF,
        kind: 'changed',
        fields: [{ path: 'spec.valuesContent', live: before, declared: after }],
      }),
    ]);
    const r = await addons('provision', edited);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cilium?.changes.map((c) => c.summary)).toEqual([`configure ${REF}: spec.valuesContent`]);
    expect((await live())?.spec?.valuesContent).toBe(after);
    expect((await drift(edited)).code).toBe(0);
  });

  it("an object with the add-on's label that it no longer renders is kept and warned about, and deleted with --prune", async () => {
    const inv = inventory('one-operator', (i) => (i.addons.cilium.values.operator.replicas = 1));
    // The `cilium` HelmChart an older rigger installed, with this add-on's label.
    const old = {
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: { name: 'cilium', namespace: 'kube-system', labels: { 'rigger.dev/addon': 'cilium' } },
      spec: { chart: 'cilium', repo: 'https://helm.cilium.io', targetNamespace: 'kube-system' },
    };
    await api.create(old);
    const d = await drift(inv);
    expect(d.code).toBe(1);
    expect(d.report.objects).toEqual([
      expect.objectContaining({ ref: 'HelmChart/kube-system/cilium', kind: 'orphan' }),
    ]);

    const kept = await addons('provision', inv);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.cilium?.changes).toEqual([expect.objectContaining({ deferred: true })]);
    expect((await api.read(old)).metadata?.name).toBe('cilium');

    const pruned = await addons('provision', inv, '--prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.cilium?.changes.map((c) => c.summary)).toEqual([
      'delete HelmChart/kube-system/cilium (no longer in the inventory)',
    ]);
    expect(await api.read(old).then(() => 200, statusOf)).toBe(404);
    expect((await drift(inv)).code).toBe(0);
  });

  it('a disabled add-on leaves its object in place, reported, until provision --prune deletes it', async () => {
    const off = inventory('cilium-off', (i) => (i.addons.cilium.enabled = false));
    const d = await drift(off);
    expect(d.report.objects).toEqual([expect.objectContaining({ ref: REF, kind: 'orphan' })]);
    expect((await addons('provision', off)).code).toBe(0);
    expect(await live()).toBeDefined();
    const pruned = await addons('provision', off, '--prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(await live()).toBeUndefined();
    // Nothing of it left: the add-on is skipped, and there is no drift.
    expect((await addons('plan', off)).cilium?.status).toBe('skipped');
    expect((await drift(off)).code).toBe(0);
  });

  it('a kind the API server does not serve is drift, and provision fails naming it once addons.timeoutSeconds are up', async () => {
    await api.delete({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'helmchartconfigs.helm.cattle.io' },
    });
    const inv = inventory('base');
    const deadline = Date.now() + 30_000;
    let d = await drift(inv);
    while (d.report.objects[0]?.kind !== 'unserved' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      d = await drift(inv);
    }
    expect(d.report.objects).toEqual([expect.objectContaining({ ref: REF, kind: 'unserved' })]);

    const t0 = Date.now();
    const r = await addons('provision', inv);
    expect(r.code).not.toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(10_000);
    expect(r.cilium?.status).toBe('failed');
    expect(r.cilium?.message).toMatch(
      /HelmChartConfig \(helm\.cattle\.io\/v1\) is still not served after 1\d s/,
    );
  });
});
