import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import type { Host } from '../inventory/types.generated.ts';
import { TASKS } from '../tasks/registry.ts';
import { CLUSTER_TASKS } from '../tasks/cluster/cluster-registry.ts';
import { loadPlaybook, PLAYBOOKS_DIR, selects } from './playbook.ts';

function playbookFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rigger-playbook-')), 'p.yaml');
  writeFileSync(file, text);
  return file;
}

async function problems(text: string): Promise<string[]> {
  try {
    await loadPlaybook(playbookFile(text), TASKS);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.line} ${p.path}: ${p.message}`);
  }
}

describe('playbooks', () => {
  it('loads the shipped provision playbook with every task resolved', async () => {
    const p = await loadPlaybook(join(PLAYBOOKS_DIR, 'provision.yaml'), TASKS, CLUSTER_TASKS);
    expect(p.phases.map((x) => `${x.name} (${x.target})`)).toEqual([
      'prepare (hosts)',
      'rke2-servers (hosts)',
      'rke2-agents (hosts)',
      'addons (cluster)',
      'nodes (cluster)',
    ]);
    const servers = p.phases[1];
    expect(servers?.target === 'hosts' && servers.strategy).toBe('serial');
    expect(p.phases[0]?.tasks.map((t) => t.id)).toContain('sysctls');
    // The CNI first: nodes are NotReady until it runs.
    expect(p.phases[3]?.tasks.map((t) => t.id)).toEqual([
      'cilium',
      'metallb',
      'ingress-nginx',
      'rook-ceph',
      'velero',
      'monitoring',
      'loki',
      'logs',
      'tempo',
    ]);
  });

  it('names an unknown task at its line, with the closest known one', async () => {
    const text = 'name: x\nphases:\n  - name: prepare\n    tasks:\n      - hostname\n      - sysctl\n';
    expect(await problems(text)).toEqual([
      '6 phases[0].tasks[1]: unknown task "sysctl"; did you mean "sysctls"?',
    ]);
  });

  it('refuses an unknown role in a host selector', async () => {
    const text = 'name: x\nphases:\n  - name: prepare\n    hosts: { roles: [etcd] }\n    tasks: [hostname]\n';
    expect((await problems(text))[0]).toMatch(
      /^4 phases\[0\].hosts.roles\[0\]: must be one of "control-plane", "worker", "storage"/,
    );
  });

  it('reads a batched strategy (N hosts or N% of them) for rolling phases', async () => {
    const text = (s: string) =>
      `name: x\nphases:\n  - name: upgrade\n    strategy: "${s}"\n    tasks: [hostname]\n`;
    const phase = async (s: string) => (await loadPlaybook(playbookFile(text(s)), TASKS)).phases[0];
    expect(await phase('25%')).toMatchObject({ strategy: { batch: '25%' } });
    expect(await phase('2')).toMatchObject({ strategy: { batch: 2 } });
    expect(await phase('serial')).toMatchObject({ strategy: 'serial' });
    expect((await problems(text('0%')))[0]).toMatch(/^4 phases\[0\]\.strategy: /);
    expect((await problems(text('all')))[0]).toMatch(/^4 phases\[0\]\.strategy: /);
  });

  it('refuses duplicate phase names', async () => {
    const text = 'name: x\nphases:\n  - name: a\n    tasks: [hostname]\n  - name: a\n    tasks: [swap]\n';
    expect(await problems(text)).toEqual(['5 phases[1].name: duplicate phase "a"']);
  });

  it('refuses a playbook file that does not exist as bad input naming the file', async () => {
    const missing = join(tmpdir(), 'rigger-no-such-playbook.yaml');
    const err = await loadPlaybook(missing, TASKS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(`${missing}: cannot read the playbook: no such file`);
  });

  it('refuses a playbook whose aliases would expand past the limit, located', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    const text = [...bomb, `c: [${Array(9).fill('*b').join(', ')}]`, ''].join('\n');
    expect(await problems(text)).toEqual([
      expect.stringMatching(/^3 c\[8\]: alias \*b expands the document/),
    ]);
  });

  it('selects hosts by role, OS and name, all conditions together', () => {
    const h: Host = {
      name: 'w1',
      address: '10.0.0.1',
      roles: ['worker', 'storage'],
      os: 'flatcar',
      labels: {},
      taints: [],
    };
    expect(selects({}, h)).toBe(true);
    expect(selects({ roles: ['storage'] }, h)).toBe(true);
    expect(selects({ roles: ['control-plane'] }, h)).toBe(false);
    expect(selects({ roles: ['worker'], os: ['ubuntu'] }, h)).toBe(false);
    expect(selects({ names: ['w1'], os: ['flatcar'] }, h)).toBe(true);
  });
});
