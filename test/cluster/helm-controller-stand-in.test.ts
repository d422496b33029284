/**
 * The RKE2 stand-in's helm-controller on the lab cluster (test/rke2-stand-in/README.md, "The
 * stand-in helm-controller"): HelmCharts applied through the API the way rigger applies them are
 * handled as RKE2's helm-controller handles them, each Job's outcome coming from the stand-in's
 * chart catalogue. Runs against the lab's cluster as it is; when no server answers, it provisions
 * the RKE2 phases first.
 */
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { ADDRESS, ensureLab, LAB_INVENTORY, labClusterKubeconfig, onHost, ROOT } from '../support/lab.ts';

const NS = 'kube-system';
const SERVERS = ['cp-1', 'cp-2', 'cp-3'];
/** The charts this file creates are named so, and deleted at the end. */
const PREFIX = 'stand-in-test-';
const METALLB = { repo: 'https://metallb.github.io/metallb', chart: 'metallb', version: '0.16.1' };
const METALLB_CRDS = ['ipaddresspools.metallb.io', 'l2advertisements.metallb.io'];

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
interface Job extends KubernetesObject {
  spec: {
    template: {
      spec: {
        restartPolicy: string;
        containers: { name: string; image: string; env?: { name: string; value?: string }[] }[];
      };
    };
  };
  status?: { succeeded?: number; failed?: number; completionTime?: string; conditions?: Condition[] };
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
    for (const name of ['metallb', 'bad-version', 'bad-reinstall', 'deleted', 'failover'])
      await deleteChart(PREFIX + name);
    await deleteChart(`${PREFIX}elsewhere`, 'default');
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

  it('installs a HelmChart in kube-system as RKE2 does: managed-by annotation, Job helm-install-<name> with its config hash, Complete, the chart CRDs, status', async () => {
    const name = `${PREFIX}metallb`;
    await applyChart(name, { ...METALLB, targetNamespace: 'metallb-system', valuesContent: 'a: 1\n' });

    const job = await until(
      `Job helm-install-${name} finished`,
      () => readJob(`helm-install-${name}`),
      finished,
    );
    expect(job.status?.succeeded).toBe(1);
    expect(job.status?.completionTime).toBeTruthy();
    expect(job.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Complete', status: 'True' }),
    );
    expect(job.metadata?.labels?.['helmcharts.helm.cattle.io/chart']).toBe(name);
    expect(configHash(job)).toMatch(/^SHA256=[0-9a-f]{64}$/);
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('OnFailure');
    expect(pod.containers[0]?.name).toBe('helm');
    expect(pod.containers[0]?.image).toBe('rancher/klipper-helm:v0.9.4-build20250113');
    const env = Object.fromEntries((pod.containers[0]?.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ NAME: name, VERSION: METALLB.version, REPO: METALLB.repo });

    const chart = await until(
      `HelmChart ${name} status`,
      () => readChart(name),
      (c) => c?.status !== undefined,
    );
    expect(chart?.metadata?.annotations?.['helmcharts.cattle.io/managed-by']).toBe('helm-controller');
    expect(chart?.metadata?.managedFields?.map((f) => f.manager)).toEqual(
      expect.arrayContaining(['rigger', 'helm-controller']),
    );
    expect(job.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'HelmChart',
      name,
      uid: chart?.metadata?.uid,
    });
    expect(chart?.status?.jobName).toBe(`helm-install-${name}`);
    expect(condition(chart, 'JobCreated')).toEqual({
      type: 'JobCreated',
      status: 'True',
      reason: 'Job created',
      message: `Applying HelmChart using Job kube-system/helm-install-${name}`,
    });
    expect(condition(chart, 'Failed')?.status).toBe('False');

    // The chart's CRDs are there and serve what rigger applies next.
    for (const crd of METALLB_CRDS) expect(await readCrd(crd), crd).toBeDefined();
    const pool = await api.create({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name: `${PREFIX}pool`, namespace: NS },
      spec: { addresses: ['172.31.250.200-172.31.250.209'], autoAssign: false },
    } as KubernetesObject);
    expect((pool as KubernetesObject & { spec?: unknown }).spec).toEqual({
      addresses: ['172.31.250.200-172.31.250.209'],
      autoAssign: false,
    });
  });

  it('a changed valuesContent, applied by rigger again, replaces the Job with one of a new config hash, which completes', async () => {
    const name = `${PREFIX}metallb`;
    const before = await readJob(`helm-install-${name}`);
    expect(finished(before)).toBe(true);
    await applyChart(name, { ...METALLB, targetNamespace: 'metallb-system', valuesContent: 'a: 2\n' });
    const after = await until(
      'a new Job, finished',
      () => readJob(`helm-install-${name}`),
      (j): j is Job => j?.metadata?.uid !== before?.metadata?.uid && finished(j),
    );
    expect(configHash(after)).not.toBe(configHash(before));
    expect(after.status?.succeeded).toBe(1);
  });

  it("an unknown chart version fails the Job with helm's error; with failurePolicy abort the HelmChart is Failed too", async () => {
    const name = `${PREFIX}bad-version`;
    await applyChart(name, { ...METALLB, version: '9.9.9', failurePolicy: 'abort' });
    const job = await until(
      `Job helm-install-${name} finished`,
      () => readJob(`helm-install-${name}`),
      finished,
    );
    const message = `Error: chart "metallb" version "9.9.9" not found in ${METALLB.repo} repository`;
    expect(job.status?.failed).toBe(1);
    expect(job.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message }),
    );
    const chart = await until(
      `HelmChart ${name} Failed`,
      () => readChart(name),
      (c) => condition(c, 'Failed')?.status === 'True',
    );
    expect(condition(chart, 'Failed')).toEqual({
      type: 'Failed',
      status: 'True',
      reason: 'Job failed',
      message,
    });
  });

  it('with the default failurePolicy (reinstall) a failed Job leaves the HelmChart not Failed', async () => {
    const name = `${PREFIX}bad-reinstall`;
    await applyChart(name, { repo: METALLB.repo, chart: 'no-such-chart' });
    const job = await until(
      `Job helm-install-${name} finished`,
      () => readJob(`helm-install-${name}`),
      finished,
    );
    expect(job.status?.conditions?.[0]?.message).toBe(
      `Error: chart "no-such-chart" not found in ${METALLB.repo} repository`,
    );
    const chart = await until(
      `HelmChart ${name} status`,
      () => readChart(name),
      (c) => c?.status !== undefined,
    );
    expect(chart?.spec.failurePolicy).toBe('reinstall');
    expect(condition(chart, 'Failed')?.status).toBe('False');
  });

  it("a deleted HelmChart's Job is deleted", async () => {
    const name = `${PREFIX}deleted`;
    await applyChart(name, METALLB);
    await until(
      `Job helm-install-${name}`,
      () => readJob(`helm-install-${name}`),
      (j) => j !== undefined,
    );
    await deleteChart(name);
    await until(
      `Job helm-install-${name} gone`,
      () => readJob(`helm-install-${name}`),
      (j) => j === undefined,
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

  it('when the holder stops, another server takes the Lease over and installs charts', async () => {
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
      await applyChart(name, METALLB);
      const job = await until(
        `Job helm-install-${name} finished`,
        () => readJob(`helm-install-${name}`),
        finished,
      );
      expect(job.status?.succeeded).toBe(1);
    } finally {
      await onHost(address, 'systemctl start rke2-server');
    }
    expect((await onHost(address, 'systemctl is-active rke2-server')).trim()).toBe('active');
  });
});
