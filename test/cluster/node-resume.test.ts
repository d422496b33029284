/**
 * An interrupted `rigger remove-node` resumes where the cluster and host show it stopped: a
 * PodDisruptionBudget blocks the drain of worker-1 (the run fails after cordoning), then allows
 * it (the rerun finds the cordon done and goes on). worker-1 rejoins with add-node at the end.
 */
import {
  CoreV1Api,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { ADDRESS, ensureLab, labClusterKubeconfig, labInventory, onHost, ROOT } from '../support/lab.ts';
import { setPdbStatus } from '../support/pdb-status.ts';

const cli = (...argv: string[]) => runCli(argv, { cwd: ROOT, env: process.env });

describe.sequential('an interrupted remove-node on the lab', () => {
  let kc: KubeConfig;
  let core: CoreV1Api;
  const inventory = labInventory();
  // A namespace of its own each run: without a controller-manager, a deleted one never goes.
  const NS = `drain-test-${Date.now().toString(36)}`;

  beforeAll(async () => {
    await ensureLab();
    const r = await cli('provision', inventory, '--skip', 'addons', '--force-unlock');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const found = await labClusterKubeconfig();
    if (!found) throw new Error('no lab cluster');
    kc = found;
    core = kc.makeApiClient(CoreV1Api);
  });

  afterAll(async () => {
    // worker-1 back in the cluster, whatever happened above.
    await cli('add-node', inventory, 'worker-1');
  });

  it('fails at a drain a budget blocks, and the rerun goes on from there once it allows it', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    await objects.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    await objects.create({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: NS },
    });
    await objects.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db-0', namespace: NS, labels: { app: 'db' } },
      spec: {
        nodeName: 'worker-1',
        automountServiceAccountToken: false,
        containers: [{ name: 'db', image: 'db:1' }],
      },
    } as KubernetesObject);
    // Playing the kubelet: the pod runs and is Ready.
    await core.patchNamespacedPodStatus({
      name: 'db-0',
      namespace: NS,
      body: [
        {
          op: 'add',
          path: '/status',
          value: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
        },
      ],
    });
    await objects.create({
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'db', namespace: NS },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } },
    } as KubernetesObject);
    // Playing the disruption controller.
    const budget = (allowed: number) =>
      setPdbStatus(kc, NS, 'db', {
        disruptionsAllowed: allowed,
        currentHealthy: 1,
        desiredHealthy: 1 - allowed,
        expectedPods: 1,
        observedGeneration: 1,
      });
    await budget(0);

    const first = await cli(
      'remove-node',
      inventory,
      'worker-1',
      '--drain-timeout',
      '5',
      '--output',
      'plain',
    );
    expect(first.code).toBe(1);
    expect(first.stdout + first.stderr).toContain(
      `${NS}/db-0: PodDisruptionBudget ${NS}/db: disruptionsAllowed 0`,
    );
    expect(first.stdout).toContain('worker-1 cordon: changed');
    expect(first.stdout).toContain('worker-1 drain: failed');
    expect((await core.readNode({ name: 'worker-1' })).spec?.unschedulable).toBe(true);
    expect(await onHost(ADDRESS['worker-1'] ?? '', 'systemctl is-active rke2-agent || true')).toContain(
      'active',
    );

    await budget(1);
    // Playing the kubelet: a pod marked for deletion goes.
    const kubelet = setInterval(() => {
      void core
        .listNamespacedPod({ namespace: NS })
        .then((l) =>
          Promise.all(
            l.items
              .filter((p) => p.metadata?.deletionTimestamp)
              .map((p) =>
                core.deleteNamespacedPod({
                  name: p.metadata?.name ?? '',
                  namespace: NS,
                  gracePeriodSeconds: 0,
                }),
              ),
          ),
        )
        .catch(() => undefined);
    }, 500);
    try {
      const again = await cli(
        'remove-node',
        inventory,
        'worker-1',
        '--drain-timeout',
        '30',
        '--output',
        'plain',
        '-v',
      );
      expect(again.code, again.stderr + again.stdout).toBe(0);
      // The cordon was done: the rerun sees it and does not do it again.
      expect(again.stdout).toContain('worker-1 cordon: ok');
      expect(again.stdout).toContain('worker-1 drain: changed');
      expect(again.stdout).toContain('worker-1 delete-node: changed');
    } finally {
      clearInterval(kubelet);
    }
    const nodes = (await core.listNode()).items.map((n) => n.metadata?.name).sort();
    expect(nodes).toEqual(['cp-1', 'cp-2', 'cp-3', 'worker-2']);
    expect(
      (
        await onHost(ADDRESS['worker-1'] ?? '', 'test -e /usr/local/bin/rke2 && echo still || echo gone')
      ).trim(),
    ).toBe('gone');
  });
});
