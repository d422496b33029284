/**
 * Cordon and drain against a real kube-apiserver 1.20. The server runs alone: no scheduler,
 * kubelet, controller-manager or disruption controller. Where the drain depends on one of them,
 * the test plays its part, marked as such:
 * - the kubelet: sets pod phases, and removes pods marked for deletion (without a kubelet a pod
 *   bound to a node keeps its deletionTimestamp forever: the API server waits for the kubelet to
 *   confirm the containers stopped);
 * - the disruption controller: writes PodDisruptionBudget status.
 */
import { CoreV1Api, KubernetesObjectApi, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunError } from '../../src/core/errors.ts';
import { cordon, drainNode } from '../../src/kube/drain.ts';
import { evictionApiVersion, servedPolicyVersion } from '../../src/kube/eviction.ts';
import { setPdbStatus } from '../support/pdb-status.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

let kube: KubeApi;
let kc: KubeConfig;
let core: CoreV1Api;
let objects: KubernetesObjectApi;

async function namespace(name: string): Promise<void> {
  await core.createNamespace({ body: { metadata: { name } } });
  // Without the controller-manager nobody creates the default ServiceAccount, and the
  // ServiceAccount admission plugin refuses pods in a namespace that lacks it.
  await core.createNamespacedServiceAccount({ namespace: name, body: { metadata: { name: 'default' } } });
}

async function node(name: string): Promise<void> {
  await core.createNode({ body: { metadata: { name } } });
}

interface PodOpts {
  labels?: Record<string, string>;
  owner?: { kind: string; name: string };
  annotations?: Record<string, string>;
  phase?: 'Running' | 'Succeeded';
}

async function pod(ns: string, name: string, nodeName: string, o: PodOpts = {}): Promise<void> {
  await core.createNamespacedPod({
    namespace: ns,
    body: {
      metadata: {
        name,
        labels: o.labels ?? {},
        annotations: o.annotations ?? {},
        ...(o.owner
          ? {
              ownerReferences: [
                {
                  apiVersion: 'apps/v1',
                  kind: o.owner.kind,
                  name: o.owner.name,
                  uid: `00000000-0000-4000-8000-${name.padStart(12, '0').slice(-12)}`,
                  controller: true,
                },
              ],
            }
          : {}),
      },
      spec: {
        nodeName,
        automountServiceAccountToken: false,
        containers: [{ name: 'main', image: 'registry.invalid/none:1' }],
      },
    },
  });
  // Playing the kubelet: it reports the pod's phase, and a running pod as Ready. Readiness
  // matters: a pod that is not Ready counts for no budget, so 1.20 evicts it whatever its budget says.
  const phase = o.phase ?? 'Running';
  await core.patchNamespacedPodStatus({
    name,
    namespace: ns,
    body: [
      { op: 'add', path: '/status/phase', value: phase },
      {
        op: 'add',
        path: '/status/conditions',
        value: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }],
      },
    ],
  });
}

async function podsOn(nodeName: string): Promise<V1Pod[]> {
  return (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` })).items;
}

const keys = (pods: V1Pod[]): string[] =>
  pods.map((p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`).sort();

async function budget(ns: string, name: string, app: string): Promise<void> {
  await objects.create({
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: ns },
    spec: { minAvailable: 1, selector: { matchLabels: { app } } },
  } as Parameters<KubernetesObjectApi['create']>[0]);
}

/**
 * Playing the disruption controller: writes a PodDisruptionBudget's status. The generated client
 * has no policy/v1beta1 API, so this is a merge patch of the status subresource over HTTPS with
 * the kubeconfig's credentials.
 */
async function budgetStatus(ns: string, name: string, disruptionsAllowed: number): Promise<void> {
  const live = await objects.read({
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: ns },
  });
  const status = {
    observedGeneration: live.metadata?.generation ?? 1,
    disruptionsAllowed,
    currentHealthy: 1,
    desiredHealthy: 1,
    expectedPods: 1,
  };
  await setPdbStatus(kc, ns, name, status);
}

/**
 * Playing the kubelet: a pod marked for deletion is removed (grace period 0) once it has been
 * marked for a second, so a drain that did not wait for its pods to go would return while they
 * are still there.
 */
function kubeletStandIn(): { stop: () => Promise<void> } {
  const firstSeen = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const p of (await core.listPodForAllNamespaces()).items) {
        const uid = p.metadata?.uid ?? '';
        if (!p.metadata?.deletionTimestamp) continue;
        const seen = firstSeen.get(uid) ?? Date.now();
        firstSeen.set(uid, seen);
        if (Date.now() - seen < 1000) continue;
        await core
          .deleteNamespacedPod({
            name: p.metadata.name ?? '',
            namespace: p.metadata.namespace ?? '',
            gracePeriodSeconds: 0,
          })
          .catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe('cordon and drain against a real kube-apiserver 1.20', () => {
  let kubelet: { stop: () => Promise<void> };

  beforeAll(async () => {
    kube = await startKubeApi();
    kc = kube.kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    objects = KubernetesObjectApi.makeApiClient(kc);
    kubelet = kubeletStandIn();
  });
  afterAll(async () => {
    await kubelet.stop();
    await kube.stop();
  });

  it('cordon marks the node unschedulable and a second cordon says already', async () => {
    await node('n1');
    expect(await cordon(kc, 'n1')).toBe('cordoned');
    expect((await core.readNode({ name: 'n1' })).spec?.unschedulable).toBe(true);
    expect(await cordon(kc, 'n1')).toBe('already');
    expect((await core.readNode({ name: 'n1' })).spec?.unschedulable).toBe(true);
  });

  it('evicts Deployment pods, skips DaemonSet, mirror and completed pods, and waits until the evicted are gone', async () => {
    await namespace('drain-2');
    await node('n2');
    await node('n2-other');
    await pod('drain-2', 'web-a', 'n2', { owner: { kind: 'ReplicaSet', name: 'web-5d4f' } });
    await pod('drain-2', 'web-b', 'n2', { owner: { kind: 'ReplicaSet', name: 'web-5d4f' } });
    await pod('drain-2', 'agent-x', 'n2', { owner: { kind: 'DaemonSet', name: 'agent' } });
    await pod('drain-2', 'etcd-n2', 'n2', { annotations: { 'kubernetes.io/config.mirror': 'abc123' } });
    await pod('drain-2', 'job-done', 'n2', { phase: 'Succeeded' });
    await pod('drain-2', 'web-c', 'n2-other', { owner: { kind: 'ReplicaSet', name: 'web-5d4f' } });

    const lines: string[] = [];
    const result = await drainNode(kc, 'n2', { timeoutMs: 30_000, pollMs: 200, log: (l) => lines.push(l) });

    expect(result).toEqual({
      evicted: ['drain-2/web-a', 'drain-2/web-b'],
      deleted: [],
      skipped: [
        { pod: 'drain-2/agent-x', reason: 'managed by DaemonSet agent' },
        { pod: 'drain-2/etcd-n2', reason: 'mirror pod (static pod of the kubelet)' },
        { pod: 'drain-2/job-done', reason: 'terminated (Succeeded)' },
      ],
    });
    expect(keys(await podsOn('n2'))).toEqual(['drain-2/agent-x', 'drain-2/etcd-n2', 'drain-2/job-done']);
    const other = await core.readNamespacedPod({ name: 'web-c', namespace: 'drain-2' });
    expect(other.metadata?.deletionTimestamp).toBeUndefined();
    expect(lines.every((l) => l.startsWith('n2: '))).toBe(true);
  });

  it('discovers policy/v1beta1 as the eviction group/version of a 1.20 server', async () => {
    expect(await evictionApiVersion(core, objects)).toBe('policy/v1beta1');
    // The fallback for servers whose discovery does not name the version agrees.
    expect(await servedPolicyVersion(objects)).toBe('policy/v1beta1');
  });

  it('fails at the timeout, naming the pod and the budget, while a PodDisruptionBudget allows no disruption', async () => {
    await namespace('drain-4');
    await node('n4');
    await pod('drain-4', 'db-0', 'n4', { labels: { app: 'db' }, owner: { kind: 'StatefulSet', name: 'db' } });
    await budget('drain-4', 'db', 'db');
    await budgetStatus('drain-4', 'db', 0);

    const started = Date.now();
    const err = await drainNode(kc, 'n4', { timeoutMs: 1500, pollMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as RunError).message).toContain(
      'drain-4/db-0: PodDisruptionBudget drain-4/db: disruptionsAllowed 0, currentHealthy 1/desiredHealthy 1',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    const still = await core.readNamespacedPod({ name: 'db-0', namespace: 'drain-4' });
    expect(still.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('completes a drain a PodDisruptionBudget blocked once the budget allows a disruption mid-wait', async () => {
    await namespace('drain-4b');
    await node('n4b');
    await pod('drain-4b', 'db-0', 'n4b', {
      labels: { app: 'db' },
      owner: { kind: 'StatefulSet', name: 'db' },
    });
    await budget('drain-4b', 'db', 'db');
    await budgetStatus('drain-4b', 'db', 0);

    const lines: string[] = [];
    const drain = drainNode(kc, 'n4b', { timeoutMs: 60_000, pollMs: 200, log: (l) => lines.push(l) });
    const blockedSeen = Date.now() + 30_000;
    while (!lines.some((l) => l.includes('cannot evict drain-4b/db-0 yet')) && Date.now() < blockedSeen)
      await new Promise((r) => setTimeout(r, 100));
    expect(lines.some((l) => l.includes('cannot evict drain-4b/db-0 yet'))).toBe(true);
    // Playing the disruption controller: another replica became healthy elsewhere.
    await budgetStatus('drain-4b', 'db', 1);

    expect(await drain).toEqual({ evicted: ['drain-4b/db-0'], deleted: [], skipped: [] });
    expect(await podsOn('n4b')).toEqual([]);
  });

  it('with force, deletes a pod a PodDisruptionBudget keeps blocking and reports it as deleted', async () => {
    await namespace('drain-5');
    await node('n5');
    await pod('drain-5', 'db-0', 'n5', { labels: { app: 'db' }, owner: { kind: 'StatefulSet', name: 'db' } });
    await pod('drain-5', 'web-a', 'n5', { owner: { kind: 'ReplicaSet', name: 'web-5d4f' } });
    await budget('drain-5', 'db', 'db');
    await budgetStatus('drain-5', 'db', 0);

    const result = await drainNode(kc, 'n5', { timeoutMs: 1500, pollMs: 200, force: true });

    expect(result).toEqual({ evicted: ['drain-5/web-a'], deleted: ['drain-5/db-0'], skipped: [] });
    expect(await podsOn('n5')).toEqual([]);
  });

  it('returns empty lists for a node with nothing on it', async () => {
    await node('n6');
    expect(await drainNode(kc, 'n6', { timeoutMs: 5000, pollMs: 200 })).toEqual({
      evicted: [],
      deleted: [],
      skipped: [],
    });
  });

  it('refuses to drain a node that does not exist', async () => {
    await expect(drainNode(kc, 'no-such-node', { timeoutMs: 5000 })).rejects.toThrow(
      'cannot drain node no-such-node: there is no such Node',
    );
  });
});
