import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { startLabHost, stopLabHost } from '../../src/lab/lab.ts';
import { ADDRESS, ensureLab, LAB_INVENTORY, LAB_STATE_DIR, onHost, ROOT } from '../support/lab.ts';

const drift = (...args: string[]) =>
  runCli(['drift', LAB_INVENTORY, ...args], { cwd: ROOT, env: process.env });

interface DriftJson {
  drift: boolean;
  hosts: { host: string; items: { task: string; changes: { summary: string }[] }[] }[];
}

describe('rigger drift on the lab (hosts)', () => {
  beforeAll(async () => {
    await ensureLab();
    await onHost(ADDRESS['cp-1'] ?? '', 'rm -f /var/lib/rigger/run.lock');
    const r = await runCli(['provision', LAB_INVENTORY, '--output', 'json', '--force-unlock'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(r.code).toBe(0);
  });

  it('exits 0 with no drift right after provision', async () => {
    const r = await drift('--json');
    expect(r.code).toBe(0);
    // Hosts and cluster: every host task's check and every add-on's server-side apply dry run.
    expect(JSON.parse(r.stdout)).toEqual({ drift: false, hosts: [], objects: [] });
  });

  it('exits 1 naming host and item for an edited file and a changed sysctl, and writes JUnit', async () => {
    await onHost(ADDRESS['cp-3'] ?? '', 'sysctl -q -w net.ipv4.conf.all.forwarding=0');
    await onHost(ADDRESS['worker-1'] ?? '', "echo 'vm.swappiness = 1' >> /etc/sysctl.d/90-rke2.conf");
    const junit = join(mkdtempSync(join(tmpdir(), 'rigger-drift-')), 'drift.xml');
    const r = await drift('--only', 'hosts', '--json', '--junit', junit);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as DriftJson;
    expect(report.drift).toBe(true);
    expect(
      report.hosts.map((h) => [
        h.host,
        h.items.map((i) => `${i.task}: ${i.changes.map((c) => c.summary).join('; ')}`),
      ]),
    ).toEqual([
      ['cp-3', ['sysctls: sysctl net.ipv4.conf.all.forwarding: 0 -> 1']],
      ['worker-1', ['sysctls: update /etc/sysctl.d/90-rke2.conf']],
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain(
      '<testcase classname="hosts.cp-3" name="sysctls"><failure message="1 difference(s)">sysctl net.ipv4.conf.all.forwarding: 0 -&gt; 1</failure>',
    );
    // prepare (7 tasks) and rke2-servers (5 tasks, rke2-registries and rke2-manifests among them) on a server.
    expect(xml).toMatch(/<testsuite name="drift cp-1" tests="12" failures="0" errors="0">/);
    // A drift check changes nothing.
    expect((await onHost(ADDRESS['cp-3'] ?? '', 'sysctl -n net.ipv4.conf.all.forwarding')).trim()).toBe('0');
    await runCli(['provision', LAB_INVENTORY, '--output', 'json'], { cwd: ROOT, env: process.env });
    expect((await drift()).code).toBe(0);
  });

  it('exits 1 for a Node that is not in the inventory, never ignoring it', async () => {
    const api = (method: string, path: string, body?: string) =>
      onHost(
        ADDRESS['cp-1'] ?? '',
        `t=/var/lib/rancher/rke2/server/tls; curl -sS --cacert $t/server-ca.crt --cert $t/client-admin.crt --key $t/client-admin.key -X ${method} -H 'Content-Type: application/json' ${body ? `-d '${body}'` : ''} https://127.0.0.1:6443${path}`,
      );
    await api('POST', '/api/v1/nodes', '{"apiVersion":"v1","kind":"Node","metadata":{"name":"ghost"}}');
    try {
      const r = await drift('--only', 'cluster', '--json');
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { objects: { ref: string; addon: string; kind: string }[] };
      expect(report.objects).toContainEqual(
        expect.objectContaining({ ref: 'Node/ghost', addon: 'nodes', kind: 'orphan' }),
      );
    } finally {
      await api('DELETE', '/api/v1/nodes/ghost');
    }
    // RKE2's node controllers put their wrangler finalizers on every Node, the ghost's too: it
    // stays Terminating (and is still drift) until they have run, as on a real cluster.
    for (let i = 0; i < 60 && !(await api('GET', '/api/v1/nodes/ghost')).includes('NotFound'); i++) {
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect((await drift('--only', 'cluster')).code).toBe(0);
  });

  it('exits 2 when a host cannot be checked', async () => {
    await stopLabHost({ stateDir: LAB_STATE_DIR }, 'worker-2');
    try {
      const r = await drift('--limit', 'worker-2');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/drift could not be checked everywhere/);
    } finally {
      await startLabHost({ stateDir: LAB_STATE_DIR }, 'worker-2');
    }
  });

  it('refuses an --only that is neither hosts nor cluster, with exit 2', async () => {
    const r = await drift('--only', 'nodes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"nodes" is neither hosts nor cluster');
  });
});
