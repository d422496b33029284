/**
 * The real Kubernetes API server the Kubernetes tests run against (test/support/kube-api.ts):
 * what it offers, proved through @kubernetes/client-node 1.x as rigger uses it. On a fresh machine
 * the first start builds kube-apiserver from Debian's source package (about 5 minutes).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  ApisApi,
  CoreV1Api,
  Health,
  KubernetesObjectApi,
  PatchStrategy,
  VersionApi,
  type KubernetesObject,
  type V1CustomResourceDefinition,
  type V1Node,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

/** Alive and not a zombie (an orphan's reaper may lag behind the kill). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

async function waitUntil(what: string, cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Processes whose command line mentions a path: how a test finds servers it has no PIDs for. */
function processesMentioning(path: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(path) && alive(Number(d));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a real kube-apiserver 1.20 with etcd', () => {
  let api: KubeApi;
  let startedMs = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    api = await startKubeApi();
    startedMs = Date.now() - t0;
  }, 1_200_000);

  afterAll(async () => {
    await api.stop();
  });

  it('answers /readyz with ok, over TLS verified against the CA kube-apiserver generated', async () => {
    process.stderr.write(`kube-apiserver ready in ${startedMs} ms at ${api.server}\n`);
    expect(api.caFile).toBeDefined();
    const kubeconfig = readFileSync(api.kubeconfigPath, 'utf8');
    expect(kubeconfig).toContain('certificate-authority:');
    expect(kubeconfig).not.toContain('insecure-skip-tls-verify');
    expect(statSync(api.kubeconfigPath).mode & 0o777).toBe(0o600);

    const kc = api.kubeConfig();
    expect(await new Health(kc).readyz({})).toBe(true);
    const version = await kc.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.20.2');
  });

  it('server-side apply as field manager rigger: dryRun All creates nothing, the apply creates the ConfigMap, an identical second apply leaves resourceVersion unchanged', async () => {
    const objects = KubernetesObjectApi.makeApiClient(api.kubeConfig());
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'rigger-ssa',
        namespace: 'default',
        labels: { 'app.kubernetes.io/managed-by': 'rigger' },
      },
      data: { greeting: 'hello' },
    };
    const apply = (dryRun?: 'All') =>
      objects.patch(cm, undefined, dryRun, 'rigger', false, PatchStrategy.ServerSideApply);
    const header = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'rigger-ssa', namespace: 'default' },
    };

    const dry = await apply('All');
    expect(dry.data).toEqual({ greeting: 'hello' });
    await expect(objects.read(header)).rejects.toMatchObject({ code: 404 });

    const first: KubernetesObject = await apply();
    const stored = await objects.read<typeof cm & KubernetesObject>(header);
    expect(stored.data).toEqual({ greeting: 'hello' });
    expect(stored.metadata.managedFields?.map((f) => `${f.manager ?? ''}/${f.operation ?? ''}`)).toEqual([
      'rigger/Apply',
    ]);

    const second: KubernetesObject = await apply();
    expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
  });

  it('a CustomResourceDefinition is created, reaches Established and its kind can then be applied', async () => {
    const objects = KubernetesObjectApi.makeApiClient(api.kubeConfig());
    const name = 'widgets.rigger.test';
    await objects.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name },
      spec: {
        group: 'rigger.test',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
              },
            },
          },
        ],
      },
    });

    let conditions: string[] = [];
    const deadline = Date.now() + 30_000;
    while (!conditions.includes('Established=True') && Date.now() < deadline) {
      const crd = await objects.read<V1CustomResourceDefinition>({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name },
      });
      conditions = (crd.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`);
      if (!conditions.includes('Established=True')) await new Promise((r) => setTimeout(r, 250));
    }
    expect(conditions).toContain('Established=True');

    const widget: KubernetesObject = await objects.patch(
      {
        apiVersion: 'rigger.test/v1',
        kind: 'Widget',
        metadata: { name: 'w', namespace: 'default' },
        spec: { size: 3 },
      },
      undefined,
      undefined,
      'rigger',
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(widget.metadata?.uid).toBeTruthy();
  });

  it('a Node object is created with the labels and annotations given', async () => {
    const objects = KubernetesObjectApi.makeApiClient(api.kubeConfig());
    const labels = { 'node-role.kubernetes.io/control-plane': 'true', 'rigger.io/pool': 'cp' };
    const annotations = { 'rigger.io/host': 'cp-1' };
    await objects.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp-1', labels, annotations } });
    const node = await objects.read<V1Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp-1' } });
    expect(node.metadata?.labels).toMatchObject(labels);
    expect(node.metadata?.annotations).toMatchObject(annotations);
  });

  it('discovery says evictions are policy/v1beta1 here (policy/v1 does not exist in 1.20)', async () => {
    const kc = api.kubeConfig();
    // What kubectl drain reads: the group/version of the pods/eviction subresource.
    const core = await kc.makeApiClient(CoreV1Api).getAPIResources();
    const eviction = core.resources.find((r) => r.name === 'pods/eviction');
    expect(eviction).toMatchObject({ kind: 'Eviction', group: 'policy', version: 'v1beta1' });

    const groups = await kc.makeApiClient(ApisApi).getAPIVersions();
    const policy = groups.groups.find((g) => g.name === 'policy');
    expect(policy?.versions.map((v) => v.groupVersion)).toEqual(['policy/v1beta1']);
  });

  it('stop() ends etcd and kube-apiserver and removes the temp dir', async () => {
    const { pids, dir } = api;
    expect(alive(pids.etcd) && alive(pids.kubeApiserver)).toBe(true);
    await api.stop();
    expect(alive(pids.etcd)).toBe(false);
    expect(alive(pids.kubeApiserver)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('kube-api lifecycle when things go wrong', () => {
  it('a start that is not ready in time fails quoting both logs, and leaves no server running', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rigger-kube-api-test-')), 'state');
    try {
      const err = await startKubeApi({ dir, readyTimeoutMs: 1 }).then(
        () => new Error('started'),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toMatch(/not ready after/);
      expect(message).toContain('--- kube-apiserver.log (last lines) ---');
      expect(message).toContain('--- etcd.log (last lines) ---');
      expect(processesMentioning(dir)).toEqual([]);
      // A caller's own dir is kept, so the whole logs can be read.
      expect(existsSync(join(dir, 'kube-apiserver.log'))).toBe(true);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('a test process killed with SIGKILL leaves no etcd or kube-apiserver behind', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/start-and-wait.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`fixture exited (${code ?? 'signal'}) before starting`)));
    });
    const started = JSON.parse(line) as { dir: string; pids: { etcd: number; kubeApiserver: number } };
    try {
      expect(alive(started.pids.etcd) && alive(started.pids.kubeApiserver)).toBe(true);
      child.kill('SIGKILL');
      await waitUntil(
        'etcd and kube-apiserver to die with their parent',
        () => !alive(started.pids.etcd) && !alive(started.pids.kubeApiserver),
      );
      expect(processesMentioning(started.dir)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(started.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
