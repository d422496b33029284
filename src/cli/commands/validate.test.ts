import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROD_ENV, prodText } from '../../inventory/testing.ts';
import { runCli } from '../testing.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A broken copy of the prod example beside it (so its relative paths still resolve). */
function brokenCopy(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-validate-'));
  writeFileSync(join(dir, 'prod.known_hosts'), '');
  const file = join(dir, 'prod.yaml');
  writeFileSync(file, edit(prodText()));
  return file;
}

describe('rigger validate', () => {
  it('accepts the prod example and prints its summary', async () => {
    const r = await runCli(['validate', 'inventory/prod.yaml'], { cwd: ROOT, env: PROD_ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('inventory/prod.yaml is valid');
    expect(r.stdout).toContain('control-plane 3 (cp-1, cp-2, cp-3)');
    expect(r.stdout).toContain('flatcar 2 (cp-3, worker-3)');
    expect(r.stdout).toContain('cilium 1.19.6');
  });

  it('prints warnings (unset secret variables) without failing', async () => {
    const r = await runCli(['validate', 'inventory/prod.yaml'], { cwd: ROOT, env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: inventory/prod.yaml:18:17 cluster.token.env: environment variable RIGGER_PROD_TOKEN is not set',
    );
  });

  it('prints the summary as JSON with --json', async () => {
    const r = await runCli(['validate', '--json', 'inventory/prod.yaml'], { cwd: ROOT, env: PROD_ENV });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      valid: boolean;
      hosts: { total: number };
      addons: { id: string }[];
    };
    expect(out.valid).toBe(true);
    expect(out.hosts.total).toBe(6);
    expect(out.addons.map((a) => a.id)).toContain('observability.tempo');
  });

  const broken: [string, (t: string) => string, RegExp][] = [
    [
      'a typo in a key',
      (t) => t.replace('  serviceCidr:', '  serviceCIDR:'),
      /prod\.yaml:17:3 cluster\.serviceCIDR: unknown key "serviceCIDR"; did you mean "serviceCidr"\?/,
    ],
    [
      'a duplicate host',
      (t) => t.replace('- name: worker-1', '- name: cp-2'),
      /prod\.yaml:51:11 hosts\[3\]\.name: duplicate host name "cp-2" \(first at line 39\)/,
    ],
    [
      'two control-plane hosts',
      (t) => t.replace('roles: [control-plane]\n    os: flatcar', 'roles: [worker]\n    os: flatcar'),
      /prod\.yaml:33:3 hosts: 2 control-plane hosts \(cp-1, cp-2\): etcd needs an odd number/,
    ],
    [
      'overlapping CIDRs',
      (t) => t.replace('serviceCidr: 10.43.0.0/16', 'serviceCidr: 10.42.0.0/20'),
      /prod\.yaml:17:16 cluster\.serviceCidr: cluster\.serviceCidr 10\.42\.0\.0\/20 overlaps cluster\.clusterCidr 10\.42\.0\.0\/16/,
    ],
    [
      'a MetalLB pool over a host address',
      (t) => t.replace('10.20.0.224/28', '10.20.0.0/28'),
      /prod\.yaml:85:21 addons\.metallb\.pools\[1\]\.addresses\[0\]: MetalLB pool "internal" \(10\.20\.0\.0\/28\) overlaps host cp-1 \(10\.20\.0\.11\)/,
    ],
    [
      'a tab in the YAML',
      (t) => t.replace('    mode: online', '\tmode: online'),
      /prod\.yaml:20:1: .*[Tt]ab/,
    ],
  ];
  for (const [what, edit, expected] of broken) {
    it(`exits 2 naming line and path for ${what}, without a stack trace`, async () => {
      const r = await runCli(['validate', brokenCopy(edit)], { env: PROD_ENV });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }

  it('exits 2 for a missing inventory file', async () => {
    const r = await runCli(['validate', 'no/such.yaml'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such.yaml: cannot read the inventory: no such file');
  });

  it('exits 2 for an unknown flag and for a missing argument', async () => {
    expect((await runCli(['validate', '--jsn', 'inventory/prod.yaml'], { cwd: ROOT })).code).toBe(2);
    expect((await runCli(['validate'], { cwd: ROOT })).code).toBe(2);
    expect((await runCli(['frobnicate'], { cwd: ROOT })).code).toBe(2);
  });

  it('lists only commands that do something in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate');
  });
});
