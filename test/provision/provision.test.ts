import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import type { RunEvent, RunSummary, TaskResult } from '../../src/engine/events.ts';
import { ADDRESS, freshLab, LAB_INVENTORY, ROOT, labInventory, onHost } from '../support/lab.ts';

interface JsonRun {
  code: number;
  stderr: string;
  events: RunEvent[];
  results: TaskResult[];
  summary: RunSummary | undefined;
}

async function rigger(args: string[]): Promise<JsonRun> {
  const r = await runCli([...args, '--output', 'json'], { cwd: ROOT, env: process.env });
  const events = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RunEvent);
  const results = events.flatMap((e) => (e.type === 'task' ? [e.result] : []));
  const end = events.find((e) => e.type === 'run-end');
  return {
    code: r.code,
    stderr: r.stderr,
    events,
    results,
    summary: end?.type === 'run-end' ? end.summary : undefined,
  };
}

const changedOn = (run: JsonRun): string[] =>
  run.results
    .filter((r) => r.status === 'changed')
    .map((r) => `${r.host} ${r.task}: ${r.changes.map((c) => c.summary).join('; ')}`)
    .sort();

describe('provision on the lab (real sshd, real systemd)', () => {
  beforeAll(async () => {
    await freshLab();
  });

  it('converges fresh hosts: hostname, modules file, sysctls, packages', async () => {
    const run = await rigger(['provision', LAB_INVENTORY]);
    expect(run.code).toBe(0);
    expect(run.summary?.failed).toBe(false);
    const changed = changedOn(run);
    expect(changed).toContain(
      'cp-1 hostname: create /etc/hostname (mode 0644); update /etc/hosts; hostname: rigger-cp-1 -> cp-1',
    );
    // RKE2 came up too: the stand-in, installed by the air-gap path (test/cluster covers it in depth).
    expect(changed).toContain(
      'cp-1 rke2-service: enable rke2-server; start rke2-server and wait until the node is ready',
    );
    expect(changed.some((c) => c.startsWith('worker-2 rke2-install: upload rke2.linux-amd64.tar.gz'))).toBe(
      true,
    );
    // What the hosts say now, read with OpenSSH rather than rigger.
    expect((await onHost(ADDRESS['cp-2'] ?? '', 'hostname')).trim()).toBe('cp-2');
    expect((await onHost(ADDRESS['cp-2'] ?? '', 'sysctl -n fs.inotify.max_user_watches')).trim()).toBe(
      '524288',
    );
    expect(await onHost(ADDRESS['worker-1'] ?? '', 'cat /etc/modules-load.d/rke2.conf')).toContain(
      'br_netfilter',
    );
    expect(await onHost(ADDRESS['worker-1'] ?? '', "dpkg-query -W -f='$" + "{db:Status-Status}' curl")).toBe(
      'installed',
    );
  });

  it('changes nothing on a second run, with at most 2 SSH execs per host (3 on the server the add-ons read the kubeconfig from)', async () => {
    const run = await rigger(['provision', LAB_INVENTORY]);
    expect(run.code).toBe(0);
    expect(changedOn(run)).toEqual([]);
    // Five hosts, and the cluster the add-ons phase ran against.
    expect(run.summary?.hosts.map((h) => h.host)).toEqual([
      'cp-1',
      'cp-2',
      'cp-3',
      'worker-1',
      'worker-2',
      'cluster',
    ]);
    const execs = Object.fromEntries((run.summary?.hosts ?? []).map((h) => [h.host, h.execs]));
    // Gather and lock, release; on the first healthy server one more: reading rke2.yaml for the API.
    expect(execs).toEqual({ 'cp-1': 3, 'cp-2': 2, 'cp-3': 2, 'worker-1': 2, 'worker-2': 2, cluster: 0 });
  });

  it('reports, and skips, what the lab cannot do as real hosts do: time sync in a container', async () => {
    const run = await rigger(['plan', LAB_INVENTORY]);
    const time = run.results.find((r) => r.host === 'cp-1' && r.task === 'time-sync');
    // Containers read the machine's clock; there is no time service to run inside them.
    expect(time).toMatchObject({
      status: 'skipped',
      message: 'time comes from the container host (systemd-nspawn); nothing to run here',
    });
  });

  it('reports honestly that the lab kernel has no rbd module for a storage host', async () => {
    // The lab's kernel has no loadable modules and no rbd built in; a real Ceph host needs it, so
    // the check fails the task on that host (a real host without rbd fails the same way).
    const file = labInventory((doc) => {
      doc.setIn(['hosts', 3, 'roles'], doc.createNode(['worker', 'storage']));
      doc.setIn(['hosts', 3, 'storage'], doc.createNode({ devices: ['/dev/vdb'] }));
    });
    const run = await rigger(['plan', file, '--limit', 'worker-1']);
    expect(run.code).toBe(1);
    const modules = run.results.find((r) => r.task === 'kernel-modules');
    expect(modules?.status).toBe('failed');
    expect(modules?.message).toMatch(
      /^kernel module rbd is not available on kernel \S+: not loaded, not built in/,
    );
  });

  it('plans nothing on a converged lab', async () => {
    const run = await rigger(['plan', LAB_INVENTORY]);
    expect(run.code).toBe(0);
    expect(changedOn(run)).toEqual([]);
  });

  it('plans exactly what was tampered with, and changes nothing while planning', async () => {
    await onHost(ADDRESS['cp-3'] ?? '', 'sysctl -q -w net.ipv4.conf.all.forwarding=0');
    await onHost(
      ADDRESS['worker-1'] ?? '',
      "sed -i 's/^br_netfilter$/br_netfilter_typo/' /etc/modules-load.d/rke2.conf",
    );
    await onHost(
      ADDRESS['worker-1'] ?? '',
      'DEBIAN_FRONTEND=noninteractive apt-get remove -y -q curl >/dev/null 2>&1',
    );

    const plan = await rigger(['plan', LAB_INVENTORY]);
    expect(plan.code).toBe(0);
    const planned = changedOn(plan);
    expect(planned.slice(0, 3)).toEqual([
      'cp-3 sysctls: sysctl net.ipv4.conf.all.forwarding: 0 -> 1',
      'worker-1 kernel-modules: update /etc/modules-load.d/rke2.conf',
      'worker-1 packages: install packages: curl',
    ]);
    // Without curl the agent cannot read its own Node: its readiness is checked again, never assumed.
    expect(planned.slice(3)).toEqual([
      expect.stringMatching(/^worker-1 rke2-service: wait until worker-1 is ready: .*curl: not found/),
    ]);
    const diff = plan.results.find((r) => r.host === 'worker-1' && r.task === 'kernel-modules')?.changes[0]
      ?.diff;
    expect(diff).toContain('-br_netfilter_typo');
    expect(diff).toContain('+br_netfilter');
    // The plan changed nothing.
    expect((await onHost(ADDRESS['cp-3'] ?? '', 'sysctl -n net.ipv4.conf.all.forwarding')).trim()).toBe('0');

    const fix = await rigger(['provision', LAB_INVENTORY]);
    expect(changedOn(fix)).toHaveLength(4);
    expect(changedOn(await rigger(['plan', LAB_INVENTORY]))).toEqual([]);
  });

  it('runs only on --limit hosts and only the phases asked for', async () => {
    await onHost(ADDRESS['cp-1'] ?? '', 'sysctl -q -w net.ipv4.conf.all.forwarding=0');
    await onHost(ADDRESS['cp-2'] ?? '', 'sysctl -q -w net.ipv4.conf.all.forwarding=0');
    const run = await rigger(['provision', LAB_INVENTORY, '--limit', 'cp-1', '--only', 'prepare']);
    expect(run.summary?.hosts.map((h) => h.host)).toEqual(['cp-1']);
    expect((await onHost(ADDRESS['cp-2'] ?? '', 'sysctl -n net.ipv4.conf.all.forwarding')).trim()).toBe('0');
    await rigger(['provision', LAB_INVENTORY]);
  });

  it('refuses to start without the cluster token, before touching any host', async () => {
    const file = labInventory((doc) =>
      doc.setIn(['cluster', 'token'], doc.createNode({ env: 'RIGGER_TEST_UNSET_TOKEN' })),
    );
    const before = await onHost(ADDRESS['cp-1'] ?? '', 'ls /var/lib/rigger 2>/dev/null; echo end');
    const run = await rigger(['provision', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /lab\.yaml:\d+:\d+ cluster\.token\.env: environment variable RIGGER_TEST_UNSET_TOKEN is not set/,
    );
    expect(run.events).toEqual([]);
    expect(await onHost(ADDRESS['cp-1'] ?? '', 'ls /var/lib/rigger 2>/dev/null; echo end')).toBe(before);
  });

  it('refuses a host whose key does not match known_hosts, naming both fingerprints', async () => {
    const file = labInventory((doc) => {
      // Another host's key under cp-1's address: what a man in the middle would present.
      const known = readFileSync(String(doc.getIn(['ssh', 'knownHostsPath'])), 'utf8');
      const cp2Key = known
        .split('\n')
        .find((l) => l.startsWith('172.31.250.12 '))
        ?.split(' ')
        .slice(1)
        .join(' ');
      const forged = known
        .split('\n')
        .filter((l) => !l.startsWith('172.31.250.11 '))
        .concat(`172.31.250.11 ${cp2Key ?? ''}`)
        .join('\n');
      const path = `${String(doc.getIn(['ssh', 'knownHostsPath']))}.forged-test`;
      writeFileSync(path, `${forged}\n`);
      doc.setIn(['ssh', 'knownHostsPath'], path);
    });
    const run = await rigger(['plan', file, '--limit', 'cp-1']);
    expect(run.code).toBe(1);
    const refusal = run.events.find((e) => e.type === 'host' && e.host === 'cp-1');
    expect(refusal?.type === 'host' ? refusal.message : '').toMatch(/expected SHA256:\S+ .*got SHA256:\S+/);
  });
});
