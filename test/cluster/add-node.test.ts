/**
 * `rigger add-node` on the lab: spare-1 (up, but not in inventory/lab.yaml) joins as a worker,
 * and nothing changes on any other host.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import {
  ADDRESS,
  ensureLab,
  forgetRecreatedNode,
  labClusterKubeconfig,
  labInventory,
  onHost,
  ROOT,
} from '../support/lab.ts';

const OTHERS = ['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2'];
const SPARE = '172.31.250.31';

const withSpare = (roles: string[]) =>
  labInventory((doc: Document) => {
    const hosts = doc.get('hosts') as { add: (v: unknown) => void };
    hosts.add(
      doc.createNode({ name: 'spare-1', address: SPARE, roles, os: 'ubuntu', network: { prefixLength: 24 } }),
    );
  });

/** What would show any change on a host: its RKE2 config, its unit's start time, its run lock. */
async function fingerprint(address: string): Promise<string> {
  return onHost(
    address,
    'stat -c "%n %Y %s" /etc/rancher/rke2/config.yaml /etc/sysctl.d/90-rke2.conf; ' +
      'systemctl show -p ActiveEnterTimestamp,NRestarts rke2-server rke2-agent | sort',
  );
}

async function uninstallSpare(): Promise<void> {
  await onHost(
    SPARE,
    'test -x /usr/local/bin/rke2-uninstall.sh && /usr/local/bin/rke2-uninstall.sh >/dev/null 2>&1; true',
  );
  await forgetRecreatedNode('spare-1');
}

describe.sequential('rigger add-node on the lab', () => {
  beforeAll(async () => {
    await ensureLab();
    const r = await runCli(['provision', labInventory(), '--skip', 'addons', '--force-unlock'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    await uninstallSpare();
  });
  afterAll(uninstallSpare);

  it('refuses a host that is not in the inventory, naming the file and what to do, before touching any host', async () => {
    const inv = labInventory();
    const r = await runCli(['add-node', inv, 'spare-1'], { cwd: ROOT, env: process.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${inv}: no host named spare-1: add it to the inventory`);
  });

  it('joins a worker, Ready, and changes nothing on the other hosts, as the journal shows', async () => {
    const before = await Promise.all(OTHERS.map((h) => fingerprint(ADDRESS[h] ?? '')));
    const runsDir = join(ROOT, '.rigger', 'runs');
    const journalsBefore = new Set(readdirSync(runsDir));
    const r = await runCli(['add-node', withSpare(['worker']), 'spare-1', '--output', 'plain'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(r.code, r.stderr + r.stdout).toBe(0);

    const kc = await labClusterKubeconfig();
    const node = await kc?.makeApiClient(CoreV1Api).readNode({ name: 'spare-1' });
    expect(node?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(node?.metadata?.labels?.['node-role.kubernetes.io/control-plane']).toBeUndefined();

    // The journal of this run names only spare-1.
    const journal = readdirSync(runsDir).filter(
      (f) => !journalsBefore.has(f) && statSync(join(runsDir, f)).isFile(),
    );
    expect(journal).toHaveLength(1);
    const events = readFileSync(join(runsDir, journal[0] ?? ''), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            hosts?: string[];
            result?: { host: string; task: string; status: string };
          },
      );
    expect(events.find((e) => e.type === 'run-start')?.hosts).toEqual(['spare-1']);
    const touched = new Set(events.flatMap((e) => (e.result ? [e.result.host] : [])));
    expect([...touched]).toEqual(['spare-1']);
    expect(events.some((e) => e.result?.task === 'rke2-service' && e.result.status === 'changed')).toBe(true);

    const after = await Promise.all(OTHERS.map((h) => fingerprint(ADDRESS[h] ?? '')));
    expect(after).toEqual(before);
  });

  it('refuses to add a server while an etcd member is down, with what its own server said', async () => {
    // RKE2's etcd answers HTTP only on loopback: cp-2's health can only be read on cp-2.
    await onHost(ADDRESS['cp-2'] ?? '', '/usr/local/bin/rke2-killall.sh >/dev/null 2>&1');
    try {
      const r = await runCli(['add-node', withSpare(['control-plane']), 'spare-1'], {
        cwd: ROOT,
        env: process.env,
      });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /refusing to add server spare-1: etcd member\(s\) not healthy .*cp-2-[0-9a-f]{8} \(cp-2\): .*2381/,
      );
      expect(r.stderr).not.toMatch(/cp-1-[0-9a-f]{8} \(cp-1\)/);
    } finally {
      await onHost(ADDRESS['cp-2'] ?? '', 'systemctl start rke2-server');
    }
  });

  it('changes nothing when the node is already there', async () => {
    const r = await runCli(['add-node', withSpare(['worker']), 'spare-1', '--output', 'plain'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 task\(s\) changed$/m);
  });
});
