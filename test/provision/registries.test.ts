/**
 * The site's registry on a real lab host (real sshd, real systemd, the RKE2 stand-in):
 * /etc/rancher/rke2/registries.yaml written mode 0600 with the password from its secret
 * reference, RKE2 restarted to read it and the node ready again, the password in no output or
 * journal; a second run changes nothing; without `cluster.registry` the file goes. One agent only
 * (`--limit worker-1`): the stand-in has no containerd, so this is rigger's side of the contract.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import type { RunEvent, TaskResult } from '../../src/engine/events.ts';
import { ADDRESS, ensureLab, labInventory, onHost, ROOT } from '../support/lab.ts';

const PASSWORD = 'lab-registry-pa55-8f3e21';
const REGISTRY = 'registry.lab.internal:5000';
const env = { ...process.env, RIGGER_LAB_REGISTRY: PASSWORD };
const FILE = '/etc/rancher/rke2/registries.yaml';
const worker = ADDRESS['worker-1'] ?? '';

const withRegistry = labInventory((doc) =>
  doc.setIn(
    ['cluster', 'registry'],
    doc.createNode({
      mirrors: { '*': { endpoints: [`https://${REGISTRY}`] } },
      configs: { [REGISTRY]: { auth: { username: 'lab', password: { env: 'RIGGER_LAB_REGISTRY' } } } },
    }),
  ),
);

async function rigger(inventory: string) {
  const r = await runCli(
    ['provision', inventory, '--limit', 'worker-1', '--only', 'rke2-agents', '--output', 'json'],
    {
      cwd: ROOT,
      env,
    },
  );
  const events = r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RunEvent);
  const results: TaskResult[] = events.flatMap((e) => (e.type === 'task' ? [e.result] : []));
  const end = events.find((e) => e.type === 'run-end');
  const journal = end?.type === 'run-end' ? end.summary.journal : undefined;
  return { ...r, results, journal };
}

const registriesTask = (results: TaskResult[]) => results.find((x) => x.task === 'rke2-registries');

describe.sequential("the site's registry on a lab node", () => {
  beforeAll(async () => {
    await ensureLab();
  });
  afterAll(async () => {
    const r = await rigger(labInventory());
    expect(r.code, r.stderr).toBe(0);
    expect((await onHost(worker, `test -e ${FILE} && echo present || echo gone`)).trim()).toBe('gone');
  });

  it('writes registries.yaml mode 0600, restarts RKE2 to read it, and never prints the password', async () => {
    const r = await rigger(withRegistry);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(registriesTask(r.results)?.changes.map((c) => c.summary)).toEqual([
      `create ${FILE} (mode 0600)`,
      'restart rke2-agent (registries.yaml changes: containerd reads it at start) and wait until the node is ready',
    ]);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    if (r.journal) expect(readFileSync(r.journal, 'utf8')).not.toContain(PASSWORD);
    expect((await onHost(worker, `stat -c '%a %U' ${FILE}`)).trim()).toBe('600 root');
    expect(await onHost(worker, `cat ${FILE}`)).toContain(`password: ${PASSWORD}`);
    expect((await onHost(worker, 'systemctl is-active rke2-agent')).trim()).toBe('active');
  });

  it('changes nothing on a second run', async () => {
    const r = await rigger(withRegistry);
    expect(r.code, r.stderr).toBe(0);
    expect(r.results.filter((x) => x.status === 'changed')).toEqual([]);
  });

  it('removes its file once the inventory names no registry', async () => {
    const r = await rigger(labInventory());
    expect(r.code, r.stderr).toBe(0);
    expect(registriesTask(r.results)?.changes.map((c) => c.summary)).toEqual([
      `remove ${FILE} (cluster.registry is gone)`,
      'restart rke2-agent (registries.yaml is removed: containerd reads it at start) and wait until the node is ready',
    ]);
  });
});
