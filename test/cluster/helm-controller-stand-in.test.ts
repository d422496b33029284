/**
 * The RKE2 stand-in's helm-controller on the lab cluster (test/rke2-stand-in/README.md, "The
 * stand-in helm-controller"; CONTRACT.md, section helm-controller): HelmCharts applied through the
 * API the way rigger applies them are rendered by real helm from the lab's chart mirror, as
 * klipper-helm's Job runs helm, with the HelmChartConfig and values Secrets merged; a failing
 * install keeps retrying as the real Job does. Runs against the lab's cluster as it is; when no
 * server answers, it provisions the RKE2 phases first.
 */
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_CHART_MIRROR_URL, LAB_CHARTS_DIR } from '../../src/lab/chart-mirror.ts';
import { runCli } from '../../src/cli/testing.ts';
import { ADDRESS, ensureLab, LAB_INVENTORY, labClusterKubeconfig, onHost, ROOT } from '../support/lab.ts';

const NS = 'kube-system';
const SERVERS = ['cp-1', 'cp-2', 'cp-3'];
/** The charts this file creates are named so, and deleted at the end. */
const PREFIX = 'stand-in-test-';
/** MetalLB from the lab's chart mirror (../shared/charts), without its frr-k8s backend. */
const METALLB = { repo: LAB_CHART_MIRROR_URL, chart: 'metallb', version: '0.16.1' };
const NO_FRR = 'frrk8s:\n  enabled: false\n';
const METALLB_CRDS = ['ipaddresspools.metallb.io', 'l2advertisements.metallb.io'];

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
interface Job extends KubernetesObject {
  spec: {
    backoffLimit?: number;
    template: {
      spec: {
        restartPolicy: string;
        containers: { name: string; image: string; env?: { name: string; value?: string }[] }[];
      };
    };
  };
  status?: {
    succeeded?: number;
    failed?: number;
    active?: number;
    completionTime?: string;
    conditions?: Condition[];
  };
}
interface ContainerState {
  waiting?: { reason?: string; message?: string };
  terminated?: { exitCode: number; reason?: string; message?: string };
}
interface Pod extends KubernetesObject {
  spec: { nodeName?: string; containers: { name: string }[] };
  status?: {
    phase?: string;
    containerStatuses?: {
      restartCount: number;
      state?: ContainerState;
      lastState?: ContainerState;
    }[];
  };
}
interface HelmChart extends KubernetesObject {
  spec: Record<string, unknown>;
  status?: { jobName?: string; conditions?: Condition[] };
}
interface Lease extends KubernetesObject {
  spec: { holderIdentity?: string; renewTime?: string; leaseDurationSeconds?: number };
}

let api: KubernetesObjectApi;
let connected = false;
/** CRDs the charts here brought that the cluster did not have before: removed at the end. */
const newCrds: string[] = [];

const codeOf = (e: unknown): number | undefined => (e as { code?: number }).code;

async function read<T extends KubernetesObject>(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
): Promise<T | undefined> {
  try {
    return await api.read<T>({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } });
  } catch (e) {
    if (codeOf(e) === 404) return undefined;
    throw e;
  }
}

const readJob = (name: string): Promise<Job | undefined> => read<Job>('batch/v1', 'Job', name, NS);

/** The Job's Pods (the stand-in plays the kubelet: one Pod, restarted in place on failure). */
async function jobPods(job: string): Promise<Pod[]> {
  // (apiVersion, kind, namespace, pretty, exact, exportt, fieldSelector, labelSelector)
  const list = await api.list<Pod>(
    'v1',
    'Pod',
    NS,
    undefined,
    undefined,
    undefined,
    undefined,
    `job-name=${job}`,
  );
  return list.items.filter((p) => p.metadata?.deletionTimestamp === undefined);
}
const firstPod = async (job: string): Promise<Pod | undefined> => (await jobPods(job))[0];
const helmStatus = (p: Pod | undefined) => p?.status?.containerStatuses?.[0];

/** The rendered stream the stand-in keeps for a chart, from Secret stand-in-rendered-<name>. */
async function rendered(name: string): Promise<string> {
  const s = await read<KubernetesObject & { data?: Record<string, string> }>(
    'v1',
    'Secret',
    `stand-in-rendered-${name}`,
    NS,
  );
  const packed = s?.data?.['rendered.yaml.gz'];
  if (packed === undefined) throw new Error(`no rendered objects kept for ${name}`);
  return gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
}
const readChart = (name: string, namespace = NS): Promise<HelmChart | undefined> =>
  read<HelmChart>('helm.cattle.io/v1', 'HelmChart', name, namespace);
const readCrd = (name: string): Promise<KubernetesObject | undefined> =>
  read('apiextensions.k8s.io/v1', 'CustomResourceDefinition', name);

/** Server-side applies a HelmChart as rigger does (its own field manager, no force). */
async function applyChart(name: string, spec: Record<string, unknown>, namespace = NS): Promise<void> {
  const body: HelmChart = {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: { name, namespace },
    spec,
  };
  await api.patch(body, undefined, undefined, 'rigger', false, PatchStrategy.ServerSideApply);
}

async function deleteChart(name: string, namespace = NS): Promise<void> {
  try {
    await api.delete({ apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart', metadata: { name, namespace } });
  } catch (e) {
    if (codeOf(e) !== 404) throw e;
  }
}

/** Polls until `get` returns something `ok` accepts; fails with the last value seen. */
async function until<T, U extends T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => v is U,
  timeoutMs?: number,
): Promise<U>;
async function until<T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs?: number,
): Promise<T>;
async function until<T>(
  what: string,
  get: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not after ${timeoutMs / 1000} s; last seen ${JSON.stringify(v, null, 1)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

const finished = (j: Job | undefined): j is Job =>
  j?.status?.conditions?.some((c) => ['Complete', 'Failed'].includes(c.type) && c.status === 'True') ?? false;
const configHash = (o: KubernetesObject | undefined): string | undefined =>
  o?.metadata?.annotations?.['helmcharts.helm.cattle.io/configHash'];
const readLease = (): Promise<Lease | undefined> =>
  read<Lease>('coordination.k8s.io/v1', 'Lease', 'rke2-helm-controller-stand-in', NS);
const condition = (o: HelmChart | undefined, type: string): Condition | undefined =>
  o?.status?.conditions?.find((c) => c.type === type);

describe('the RKE2 stand-in helm-controller on the lab cluster', () => {
  beforeAll(async () => {
    await ensureLab();
    let kc = await labClusterKubeconfig();
    if (!kc) {
      const r = await runCli(['provision', LAB_INVENTORY, '--only', 'prepare,rke2-servers,rke2-agents'], {
        cwd: ROOT,
        env: process.env,
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      kc = await labClusterKubeconfig();
    }
    if (!kc) throw new Error('no lab cluster answers after provisioning its RKE2 phases');
    api = KubernetesObjectApi.makeApiClient(kc);
    connected = true;
    const crd = await readCrd('helmcharts.helm.cattle.io');
    if (!crd) {
      throw new Error(
        'the lab cluster has no HelmChart CRD: its servers run a stand-in from before the helm-controller; ' +
          'recreate it with `npx rigger lab down && npx rigger lab up --provision`',
      );
    }
    for (const name of METALLB_CRDS) if (!(await readCrd(name))) newCrds.push(name);
  });

  afterAll(async () => {
    if (!connected) return;
    for (const name of [
      'metallb',
      'bad-value',
      'bad-version',
      'nginx',
      'no-secret',
      'content',
      'deleted',
      'failover',
    ])
      await deleteChart(PREFIX + name);
    await deleteChart(`${PREFIX}elsewhere`, 'default');
    for (const [kind, name] of [
      ['HelmChartConfig', `${PREFIX}metallb`],
      ['Secret', `${PREFIX}values`],
    ] as const) {
      try {
        await api.delete({
          apiVersion: kind === 'Secret' ? 'v1' : 'helm.cattle.io/v1',
          kind,
          metadata: { name, namespace: NS },
        });
      } catch (e) {
        if (codeOf(e) !== 404) throw e;
      }
    }
    try {
      await api.delete({
        apiVersion: 'metallb.io/v1beta1',
        kind: 'IPAddressPool',
        metadata: { name: `${PREFIX}pool`, namespace: NS },
      });
    } catch (e) {
      if (codeOf(e) !== 404) throw e;
    }
    for (const name of newCrds) {
      await api.delete({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name },
      });
    }
  });

  it('renders a chart from the lab mirror with real helm, merging valuesContent, the values Secrets and the HelmChartConfig in the real order; Job Complete, the chart CRDs, the rendered objects kept', async () => {
    const name = `${PREFIX}metallb`;
    await api.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${PREFIX}values`, namespace: NS },
      stringData: { speaker: 'speaker:\n  logLevel: error\n' },
    } as KubernetesObject);
    // The HelmChartConfig's values come after the HelmChart's (chart.go: values-1-* after values-0-*).
    await api.patch(
      {
        apiVersion: 'helm.cattle.io/v1',
        kind: 'HelmChartConfig',
        metadata: { name, namespace: NS },
        spec: { valuesContent: 'controller:\n  logLevel: warn\n' },
      } as KubernetesObject,
      undefined,
      undefined,
      'rigger',
      false,
      PatchStrategy.ServerSideApply,
    );
    await applyChart(name, {
      ...METALLB,
      targetNamespace: 'metallb-system',
      valuesContent: `${NO_FRR}controller:\n  logLevel: debug\n`,
      valuesSecrets: [{ name: `${PREFIX}values`, keys: ['speaker'] }],
    });

    const job = await until(
      `Job helm-install-${name} finished`,
      () => readJob(`helm-install-${name}`),
      finished,
      90_000,
    );
    expect(job.status?.conditions, JSON.stringify(await firstPod(`helm-install-${name}`))).toContainEqual(
      expect.objectContaining({ type: 'Complete', status: 'True' }),
    );
    expect(job.status?.succeeded).toBe(1);
    expect(job.spec.backoffLimit).toBe(1000);
    expect(configHash(job)).toMatch(/^SHA256=[0-9a-f]{64}$/);
    const podSpec = job.spec.template.spec;
    expect(podSpec.restartPolicy).toBe('OnFailure');
    expect(podSpec.containers[0]?.name).toBe('helm');
    expect(podSpec.containers[0]?.image).toBe('rancher/klipper-helm:v0.13.3-build20260727');
    const env = Object.fromEntries((podSpec.containers[0]?.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ NAME: name, VERSION: METALLB.version, REPO: METALLB.repo });
    const pod = await firstPod(`helm-install-${name}`);
    expect(pod?.status?.phase).toBe('Succeeded');
    expect(helmStatus(pod)?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });

    // What helm rendered: the chart's own objects, with the merged values.
    const out = await rendered(name);
    expect(out).toMatch(/^kind: Deployment$/m);
    expect(out).toContain(`name: ${name}-controller`);
    expect(out).toContain('--log-level=warn'); // HelmChartConfig over the HelmChart's debug
    expect(out).not.toContain('--log-level=debug');
    expect(out).toContain('--log-level=error'); // the values Secret's key
    expect(out).not.toContain('frr-k8s'); // valuesContent
    expect(out).toMatch(/^kind: CustomResourceDefinition$/m); // --include-crds
    const holder = pod?.spec.nodeName ?? '';
    expect(SERVERS).toContain(holder);
    const onDisk = await onHost(
      ADDRESS[holder] ?? '',
      `cat /var/lib/rancher/rke2/server/stand-in/helm/${name}/rendered.yaml`,
    );
    expect(onDisk).toBe(out);

    const chart = await readChart(name);
    expect(chart?.metadata?.annotations?.['helmcharts.cattle.io/managed-by']).toBe('helm-controller');
    expect(chart?.status?.jobName).toBe(`helm-install-${name}`);
    expect(condition(chart, 'Failed')?.status).toBe('False');

    // The chart's real CRDs (not stand-in stubs), serving what rigger applies next.
    for (const crd of METALLB_CRDS) {
      const c = await readCrd(crd);
      expect(c, crd).toBeDefined();
      expect(c?.metadata?.annotations?.['rke2.io/stand-in'], crd).toBeUndefined();
    }
    const pool = await api.create({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name: `${PREFIX}pool`, namespace: NS },
      spec: { addresses: ['172.31.250.200-172.31.250.209'], autoAssign: false },
    } as KubernetesObject);
    expect((pool as KubernetesObject & { spec?: unknown }).spec).toMatchObject({
      addresses: ['172.31.250.200-172.31.250.209'],
      autoAssign: false,
    });
  });

  it('a changed valuesContent, applied by rigger again, replaces the Job with one of a new config hash, which completes', async () => {
    const name = `${PREFIX}metallb`;
    const before = await readJob(`helm-install-${name}`);
    expect(finished(before)).toBe(true);
    await applyChart(name, { ...METALLB, targetNamespace: 'metallb-system', valuesContent: NO_FRR });
    const after = await until(
      'a new Job, finished',
      () => readJob(`helm-install-${name}`),
      (j): j is Job => j?.metadata?.uid !== before?.metadata?.uid && finished(j),
      90_000,
    );
    expect(configHash(after)).not.toBe(configHash(before));
    expect(after.status?.succeeded).toBe(1);
    expect(await rendered(name)).toContain('--log-level=warn'); // still the HelmChartConfig's
  });

  it("a value the chart's schema refuses fails every attempt with helm's message in the Pod's log, and the Job keeps retrying (backoffLimit 1000), as klipper-helm's Job does", async () => {
    const name = `${PREFIX}bad-value`;
    await applyChart(name, {
      ...METALLB,
      valuesContent: `${NO_FRR}speaker:\n  frr:\n    enabled: notabool\n`,
      failurePolicy: 'abort',
    });
    const failing = await until(
      'the first attempt failed',
      () => firstPod(`helm-install-${name}`),
      (p) => (helmStatus(p)?.restartCount ?? 0) >= 1,
      60_000,
    );
    const cs = helmStatus(failing);
    // entry writes this to the termination log before running helm; helm's error is in the log.
    expect(cs?.lastState?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
      message: 'Installing helm chart\n',
    });
    const m = failing?.metadata;
    const log = await onHost(
      ADDRESS[failing?.spec.nodeName ?? ''] ?? '',
      `cat /var/log/pods/kube-system_${m?.name}_${m?.uid}/helm/0.log`,
    );
    expect(log).toMatch(/stderr F Error: values don't meet the specifications of the schema/);
    expect(log).toContain("at '/speaker/frr/enabled': got string, want boolean");
    // Restarted at once, in the same Pod, then after the kubelet's back-off (10 s, doubling); not
    // Failed before 1000 attempts.
    const again = await until(
      'the second attempt failed',
      () => firstPod(`helm-install-${name}`),
      (p) => (helmStatus(p)?.restartCount ?? 0) >= 2,
      60_000,
    );
    expect(again?.metadata?.uid).toBe(m?.uid);
    const waiting = helmStatus(again)?.state?.waiting;
    expect(waiting?.reason).toBe('CrashLoopBackOff');
    const restarts = helmStatus(again)?.restartCount ?? 0;
    expect(waiting?.message).toContain(
      `back-off ${10 * 2 ** (restarts - 2)}s restarting failed container=helm pod=${m?.name}_kube-system(${m?.uid})`,
    );
    const job = await readJob(`helm-install-${name}`);
    expect(job?.spec.backoffLimit).toBe(1000);
    expect(job?.status?.active).toBe(1);
    expect(job?.status?.failed ?? 0).toBe(0);
    expect(job?.status?.conditions?.some((c) => c.type === 'Failed')).toBeFalsy();
    // failurePolicy abort marks the HelmChart Failed only once the Job has failed.
    expect(condition(await readChart(name), 'Failed')?.status).toBe('False');
  });

  it("an unknown chart version fails with helm's own error", async () => {
    const name = `${PREFIX}bad-version`;
    await applyChart(name, { ...METALLB, version: '9.9.9' });
    const pod = await until(
      'the first attempt failed',
      () => firstPod(`helm-install-${name}`),
      (p) => (helmStatus(p)?.restartCount ?? 0) >= 1,
      60_000,
    );
    const log = await onHost(
      ADDRESS[pod?.spec.nodeName ?? ''] ?? '',
      `cat /var/log/pods/kube-system_${pod?.metadata?.name}_${pod?.metadata?.uid}/helm/0.log`,
    );
    expect(log).toContain(`Error: chart "metallb" matching 9.9.9 not found in ${name} index.`);
  });

  it("F5's nginx-ingress chart fails on its internet-hosted values schema, as on an air-gapped RKE2 (klipper-helm passes no --skip-schema-validation)", async () => {
    const name = `${PREFIX}nginx`;
    // The chart as F5 publishes it (the lab's mirror serves a copy vendored for offline use).
    const tgz = readFileSync(join(LAB_CHARTS_DIR, 'nginx-ingress-2.6.4.tgz')).toString('base64');
    await applyChart(name, { chartContent: tgz });
    const pod = await until(
      'the first attempt failed',
      () => firstPod(`helm-install-${name}`),
      (p) => (helmStatus(p)?.restartCount ?? 0) >= 1,
      90_000,
    );
    const log = await onHost(
      ADDRESS[pod?.spec.nodeName ?? ''] ?? '',
      `cat /var/log/pods/kube-system_${pod?.metadata?.name}_${pod?.metadata?.uid}/helm/0.log`,
    );
    expect(log).toContain('nginx-ingress:');
    expect(log).toContain(
      'failing loading "https://raw.githubusercontent.com/nginxinc/kubernetes-json-schema/master/v1.36.1/_definitions.json"',
    );
  });

  it('a values Secret that does not exist keeps the Pod from starting (FailedMount), as the kubelet does with a projected Secret', async () => {
    const name = `${PREFIX}no-secret`;
    await applyChart(name, { ...METALLB, valuesSecrets: [{ name: `${PREFIX}absent`, keys: ['v'] }] });
    const pod = await until(
      'the Pod waits in ContainerCreating',
      () => firstPod(`helm-install-${name}`),
      (p) => helmStatus(p)?.state?.waiting?.reason === 'ContainerCreating',
      30_000,
    );
    expect(pod?.status?.phase).toBe('Pending');
    const events = await api.list<KubernetesObject & { reason?: string; message?: string }>(
      'v1',
      'Event',
      NS,
      undefined,
      undefined,
      undefined,
      `involvedObject.name=${pod?.metadata?.name}`,
    );
    expect(events.items.map((e) => [e.reason, e.message])).toContainEqual([
      'FailedMount',
      `MountVolume.SetUp failed for volume "values" : secret "${PREFIX}absent" not found`,
    ]);
    expect(finished(await readJob(`helm-install-${name}`))).toBe(false);
  });

  it('a chart given as chartContent (base64 of the packaged chart) renders too', async () => {
    const name = `${PREFIX}content`;
    const tgz = readFileSync(join(LAB_CHARTS_DIR, 'metallb-0.16.1.tgz')).toString('base64');
    await applyChart(name, { chartContent: tgz, targetNamespace: 'metallb-system', valuesContent: NO_FRR });
    const job = await until(
      `Job helm-install-${name} finished`,
      () => readJob(`helm-install-${name}`),
      finished,
      90_000,
    );
    expect(job.status?.succeeded).toBe(1);
    // The release name does not hold the chart's name: helm's fullname is <release>-<chart>.
    expect(await rendered(name)).toContain(`name: ${name}-metallb-controller`);
  });

  it("a deleted HelmChart's Job and Pod are deleted", async () => {
    const name = `${PREFIX}deleted`;
    await applyChart(name, { ...METALLB, valuesContent: NO_FRR });
    await until(
      `Pod of helm-install-${name}`,
      () => firstPod(`helm-install-${name}`),
      (p) => p !== undefined,
    );
    await deleteChart(name);
    await until(
      `Job helm-install-${name} gone`,
      () => readJob(`helm-install-${name}`),
      (j) => j === undefined,
    );
    await until(
      `Pods of helm-install-${name} gone`,
      () => jobPods(`helm-install-${name}`),
      (ps) => ps.length === 0,
    );
  });

  it('HelmCharts outside kube-system are left alone', async () => {
    const name = `${PREFIX}elsewhere`;
    await applyChart(name, METALLB, 'default');
    // Several passes of the controller (every 2 s).
    await new Promise((r) => setTimeout(r, 8_000));
    const chart = await readChart(name, 'default');
    expect(chart?.metadata?.annotations?.['helmcharts.cattle.io/managed-by']).toBeUndefined();
    expect(chart?.status).toBeUndefined();
    expect(await readJob(`helm-install-${name}`)).toBeUndefined();
  });

  it('one server runs it at a time: the Lease names a server and is renewed', async () => {
    const first = await readLease();
    expect(SERVERS).toContain(first?.spec.holderIdentity);
    expect(first?.spec.leaseDurationSeconds).toBe(15);
    const renewed = await until(
      'the Lease renewed',
      readLease,
      (l) => l?.spec.renewTime !== first?.spec.renewTime,
      15_000,
    );
    expect(SERVERS).toContain(renewed?.spec.holderIdentity);
  });

  it('when the holder stops, another server takes the Lease over and renders charts', async () => {
    const holder = (await readLease())?.spec.holderIdentity ?? '';
    expect(SERVERS).toContain(holder);
    const address = ADDRESS[holder] ?? '';
    // KillMode=process: etcd and the kube-apiserver of the stopped server keep running.
    await onHost(address, 'systemctl stop rke2-server');
    try {
      const taken = await until(
        'another server holds the Lease',
        readLease,
        (l) => l?.spec.holderIdentity !== undefined && l.spec.holderIdentity !== holder,
        45_000,
      );
      expect(SERVERS).toContain(taken?.spec.holderIdentity);
      const name = `${PREFIX}failover`;
      await applyChart(name, { ...METALLB, valuesContent: NO_FRR });
      const job = await until(
        `Job helm-install-${name} finished`,
        () => readJob(`helm-install-${name}`),
        finished,
        90_000,
      );
      expect(job.status?.succeeded).toBe(1);
      expect((await firstPod(`helm-install-${name}`))?.spec.nodeName).not.toBe(holder);
    } finally {
      await onHost(address, 'systemctl start rke2-server');
    }
    expect((await onHost(address, 'systemctl is-active rke2-server')).trim()).toBe('active');
  });
});
