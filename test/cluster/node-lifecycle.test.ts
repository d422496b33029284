/**
 * replace-node and remove-node on the lab: real hosts, real SSH, the lab's API server and the
 * RKE2 stand-in's real etcd cluster. spare-1 (not in inventory/lab.yaml) is the replacement.
 */
import { readFileSync } from 'node:fs';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import { startLabHost, stopLabHost } from '../../src/lab/lab.ts';
import { ETCD_CURL, ETCD_GATEWAY } from '../../src/tasks/rke2/rke2-etcd-health.ts';
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

/** The etcd member names (without RKE2's `-<8 hex>`), from the server's loopback gateway (2382). */
async function members(via: string): Promise<string[]> {
  const out = await onHost(via, `${ETCD_CURL} -X POST -d '{}' ${ETCD_GATEWAY}/v3/cluster/member/list`);
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
    // The removal ran through the engine: its journal shows the host locks and the cluster Lease.
    const journal = /journal: (\S+\.jsonl)/.exec(r.stdout)?.[1] ?? '';
    const locks = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; scope?: string; taken?: string[] })
      .filter((e) => e.type === 'lock');
    expect(locks).toEqual([
      expect.objectContaining({ scope: 'hosts', taken: ['cp-3', 'cp-1', 'cp-2', 'spare-1'] }),
      expect.objectContaining({ scope: 'cluster', taken: ['kube-system/rigger-run-lock'] }),
    ]);
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
