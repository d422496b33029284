/**
 * replace-node and remove-node on the lab: real hosts, real SSH, the lab's API server and the
 * RKE2 stand-in's real etcd cluster. spare-1 (not in inventory/lab.yaml) is the replacement.
 */
import {
  CoreV1Api,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import { setPdbStatus } from '../support/pdb-status.ts';
import { startLabHost, stopLabHost } from '../../src/lab/lab.ts';
import {
  ADDRESS,
  ensureLab,
  forgetRecreatedNode,
  LAB_STATE_DIR,
  labClusterKubeconfig,
  labInventory,
  onHost,
  ROOT,
} from '../support/lab.ts';

const SPARE = '172.31.250.31';
const lab = { stateDir: LAB_STATE_DIR };

/** The lab inventory with spare-1 added (with these roles) and some hosts left out. */
const inventoryWith = (spareRoles: string[] | undefined, without: string[] = []) =>
  labInventory((doc: Document) => {
    const hosts = doc.get('hosts') as { items: { get: (k: string) => unknown }[]; add: (v: unknown) => void };
    hosts.items = hosts.items.filter((h) => !without.includes(String(h.get('name'))));
    if (spareRoles)
      hosts.add(
        doc.createNode({
          name: 'spare-1',
          address: SPARE,
          roles: spareRoles,
          os: 'ubuntu',
          network: { prefixLength: 24 },
        }),
      );
  });

async function cli(...argv: string[]) {
  return runCli(argv, { cwd: ROOT, env: process.env });
}

async function members(via: string): Promise<string[]> {
  const out = await onHost(
    via,
    "curl -sS --cacert /var/lib/rancher/rke2/server/tls/etcd/server-ca.crt --cert /var/lib/rancher/rke2/server/tls/etcd/server-client.crt --key /var/lib/rancher/rke2/server/tls/etcd/server-client.key -X POST -d '{}' https://127.0.0.1:2379/v3/cluster/member/list",
  );
  return ((JSON.parse(out) as { members?: { name?: string }[] }).members ?? [])
    .map((m) => (m.name ?? '').replace(/-[0-9a-f]{8}$/, ''))
    .sort();
}

async function nodeNames(kc: KubeConfig): Promise<string[]> {
  return (await kc.makeApiClient(CoreV1Api).listNode()).items.map((n) => n.metadata?.name ?? '').sort();
}

async function uninstall(address: string): Promise<void> {
  await onHost(
    address,
    'test -x /usr/local/bin/rke2-uninstall.sh && /usr/local/bin/rke2-uninstall.sh >/dev/null 2>&1; true',
  );
}

describe.sequential('replace-node and remove-node on the lab', () => {
  let kc: KubeConfig;

  beforeAll(async () => {
    await ensureLab();
    await uninstall(SPARE);
    await forgetRecreatedNode('spare-1');
    const r = await cli('provision', labInventory(), '--skip', 'addons', '--force-unlock');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const found = await labClusterKubeconfig();
    if (!found) throw new Error('no lab cluster');
    kc = found;
  });

  afterAll(async () => {
    // Back to the lab as inventory/lab.yaml has it: cp-3 a server, spare-1 out of the cluster.
    await startLabHost(lab, 'spare-1').catch(() => undefined);
    await uninstall(SPARE).catch(() => undefined);
    await forgetRecreatedNode('spare-1');
  });

  it('refuses a replacement whose roles differ from the old node, saying what to set', async () => {
    const r = await cli('replace-node', inventoryWith(['worker']), 'cp-3', 'spare-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'spare-1 has roles [worker], cp-3 has [control-plane]: set roles: [control-plane] on spare-1',
    );
  });

  it('replaces a server with the spare while the old one is up; three members and three servers in the end', async () => {
    const inv = inventoryWith(['control-plane']);
    const plan = await cli('replace-node', inv, 'cp-3', 'spare-1', '--dry-run', '--output', 'plain');
    expect(plan.code, plan.stderr).toBe(0);
    const snapshot = /save etcd snapshot (rigger-replace-node-cp-3-[0-9a-f]{8}) on cp-1/.exec(
      plan.stdout,
    )?.[1];
    expect(snapshot, plan.stdout).toBeDefined();
    expect(plan.stdout).toContain('delete Node cp-3');
    expect(await nodeNames(kc)).toContain('cp-3');

    const r = await cli('replace-node', inv, 'cp-3', 'spare-1', '--output', 'plain');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain(
      '- the load balancer at 172.31.250.10 (9345, 6443): drop 172.31.250.13, add 172.31.250.31',
    );
    expect(await nodeNames(kc)).toEqual(['cp-1', 'cp-2', 'spare-1', 'worker-1', 'worker-2']);
    expect(await members(ADDRESS['cp-1'] ?? '')).toEqual(['cp-1', 'cp-2', 'spare-1']);
    expect(
      (await onHost(ADDRESS['cp-3'] ?? '', 'test -e /usr/local/bin/rke2 && echo still || echo gone')).trim(),
    ).toBe('gone');
    expect(await onHost(ADDRESS['cp-1'] ?? '', '/usr/local/bin/rke2 etcd-snapshot list')).toContain(snapshot);
  });

  it('refuses to remove a second server while one is already down', async () => {
    // Stopping the unit leaves etcd running (KillMode=process, as with RKE2's static pods):
    // killall takes the member down.
    await onHost(ADDRESS['cp-2'] ?? '', '/usr/local/bin/rke2-killall.sh >/dev/null 2>&1');
    try {
      const r = await cli('remove-node', inventoryWith(['control-plane'], ['cp-3']), 'spare-1');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/refusing to remove spare-1: etcd member\(s\) cp-2-[0-9a-f]{8} .*not healthy/);
      expect(await nodeNames(kc)).toContain('spare-1');
    } finally {
      await onHost(ADDRESS['cp-2'] ?? '', 'systemctl start rke2-server');
    }
  });

  it('refuses to remove a server when fewer than three would be left', async () => {
    const r = await cli('remove-node', inventoryWith(['control-plane'], ['cp-3']), 'spare-1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '2 control-plane node(s) would be left and the inventory requires 3; use rigger replace-node',
    );
  });

  it('resumes an interrupted removal where it stopped: a PodDisruptionBudget blocks the drain, then allows it', async () => {
    const inv = inventoryWith(['control-plane'], ['cp-3']);
    // A namespace of its own each run: without a controller-manager, a deleted one never goes.
    const NS = `drain-test-${Date.now().toString(36)}`;
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } };
    await objects.create(ns);
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
    const core = kc.makeApiClient(CoreV1Api);
    // Playing the kubelet: the pod runs and is Ready; playing the disruption controller: no disruption allowed.
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
    const setBudget = (allowed: number) =>
      setPdbStatus(kc, NS, 'db', {
        disruptionsAllowed: allowed,
        currentHealthy: 1,
        desiredHealthy: 1 - allowed,
        expectedPods: 1,
        observedGeneration: 1,
      });
    await setBudget(0);

    const first = await cli('remove-node', inv, 'worker-1', '--drain-timeout', '5', '--output', 'plain');
    expect(first.code).toBe(1);
    expect(first.stdout + first.stderr).toMatch(
      new RegExp(`${NS}/db-0: PodDisruptionBudget ${NS}/db: disruptionsAllowed 0`),
    );
    expect(first.stdout).toContain('worker-1 cordon: changed');
    expect((await core.readNode({ name: 'worker-1' })).spec?.unschedulable).toBe(true);

    await setBudget(1);
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
        inv,
        'spare-1',
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
    } finally {
      clearInterval(kubelet);
      await objects.delete(ns).catch(() => undefined);
    }
    expect(await nodeNames(kc)).toEqual(['cp-1', 'cp-2', 'spare-1', 'worker-2']);
    expect(
      (
        await onHost(ADDRESS['worker-1'] ?? '', 'test -e /usr/local/bin/rke2 && echo still || echo gone')
      ).trim(),
    ).toBe('gone');
    // And back, with add-node.
    expect((await cli('add-node', inv, 'worker-1')).code).toBe(0);
    expect(await nodeNames(kc)).toEqual(['cp-1', 'cp-2', 'spare-1', 'worker-1', 'worker-2']);
  });
  it('replaces a server whose machine was stopped first: host steps skipped with a warning, member removed, cp-3 back', async () => {
    await stopLabHost(lab, 'spare-1');
    const r = await cli(
      'replace-node',
      inventoryWith(['control-plane']),
      'spare-1',
      'cp-3',
      '--output',
      'plain',
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout + r.stderr).toMatch(
      /stop and disable rke2-server on spare-1: the host does not answer over SSH/,
    );
    expect(await nodeNames(kc)).toEqual(['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2']);
    expect(await members(ADDRESS['cp-1'] ?? '')).toEqual(['cp-1', 'cp-2', 'cp-3']);
  });
});
