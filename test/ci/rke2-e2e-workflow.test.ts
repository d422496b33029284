/**
 * The real-RKE2 workflow (.github/workflows/rke2-e2e.yml) runs only on a GitHub runner. These
 * tests check here what would otherwise fail only there: its syntax (actionlint), its pinned
 * actions, the order of its steps, that the host it builds is the one test/e2e/rke2-single.yaml
 * names (addresses, key and known_hosts paths), that rigger validates that inventory, and that its
 * shell steps fail when a second provision changes something and pass rigger drift's exit code on.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import {
  actionlint,
  commands,
  loadWorkflow,
  ROOT,
  runStep as runWorkflowStep,
  stepIndex,
  type Step,
} from '../support/workflow.ts';

const WORKFLOW = '.github/workflows/rke2-e2e.yml';
const INVENTORY = 'test/e2e/rke2-single.yaml';

interface Inventory {
  cluster: { registrationAddress: string; allowSingleServer: boolean; install: { mode: string } };
  ssh: {
    user: string;
    become: boolean;
    privateKeyPath: string;
    knownHostsPath: string;
    hostKeyPolicy: string;
  };
  hosts: { name: string; address: string; roles: string[] }[];
}

const { text: workflowText, workflow, job, steps } = loadWorkflow(WORKFLOW);
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const inventory = parse(read(INVENTORY)) as Inventory;

function stepWith(re: RegExp): number {
  const i = stepIndex(steps, re, true);
  expect(i, `a step running ${String(re)}`).toBeGreaterThanOrEqual(0);
  return i;
}

/**
 * Runs a step's script with a stand-in npx that prints or exits as told. This workflow's rigger
 * steps provision a real host over SSH with RKE2 from the internet, which this machine has
 * neither of; what is checked here is how the step's own shell handles rigger's output and exit code.
 */
function runStep(step: Step | undefined, npx: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-e2e-step-'));
  writeFileSync(join(dir, 'npx'), `#!/bin/bash\n${npx}\n`);
  chmodSync(join(dir, 'npx'), 0o755);
  return runWorkflowStep(step, {
    cwd: dir,
    env: { PATH: `${dir}:${process.env.PATH ?? ''}`, RUNNER_TEMP: dir, GITHUB_STEP_SUMMARY: join(dir, 's') },
  });
}

describe('the real-RKE2 workflow', () => {
  it('has no problem actionlint finds, and actionlint really checks it', async () => {
    expect(await actionlint(workflowText)).toEqual([]);
    const broken = workflowText
      .replace('contents: read', 'contents: raed')
      .replace('steps.drift.outcome', 'steps.drfit.outcome');
    const problems = await actionlint(broken);
    expect(problems.some((p) => p.includes('[permissions]'))).toBe(true);
    expect(problems.some((p) => p.includes('[expression]') && p.includes('"drfit"'))).toBe(true);
  });

  it('runs on a GitHub-hosted Ubuntu runner, nightly and on demand, read-only and time-bounded', () => {
    expect(job['runs-on']).toBe('ubuntu-24.04');
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job['timeout-minutes']).toBeLessThanOrEqual(90);
  });

  it('pins the actions the nightly workflow pins, at versions that exist (checkout v5, setup-node v5, upload-artifact v6)', () => {
    const nightly = read('.github/workflows/nightly-drift.yml');
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses).toEqual(['actions/checkout@v5', 'actions/setup-node@v5', 'actions/upload-artifact@v6']);
    for (const u of uses) expect(nightly).toContain(`uses: ${u}`);
  });

  it('provisions, provisions again, checks drift, then the node; a token first, the host before rigger', () => {
    const order = [
      stepWith(/openssl rand/),
      stepWith(/ip addr add/),
      stepWith(/^npx rigger validate test\/e2e\/rke2-single\.yaml$/),
      stepWith(/^npx rigger provision test\/e2e\/rke2-single\.yaml$/),
      stepWith(/^npx rigger provision test\/e2e\/rke2-single\.yaml --output json/),
      stepWith(/^npx rigger drift test\/e2e\/rke2-single\.yaml/),
      stepWith(/wait --for=condition=Ready node\/e2e-1/),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    expect(steps[order[5] ?? 0]).not.toHaveProperty('continue-on-error');
  });

  it('builds the host the inventory names: its addresses, the SSH user, key and known_hosts', () => {
    const prepare = commands(steps[stepWith(/ip addr add/)]);
    const added = prepare.flatMap((c) => /^sudo ip addr add (\S+)\/\d+ /.exec(c)?.[1] ?? []);
    expect(added.sort()).toEqual([inventory.cluster.registrationAddress, inventory.hosts[0]?.address].sort());
    const fromRoot = (p: string) => resolve(ROOT, dirname(INVENTORY), p).slice(ROOT.length);
    expect(prepare).toContain(
      `ssh-keygen -q -t ed25519 -N '' -C rigger-e2e -f ${fromRoot(inventory.ssh.privateKeyPath)}`,
    );
    expect(
      prepare.some(
        (c) =>
          c.startsWith(`echo "${inventory.hosts[0]?.address ?? '?'} `) &&
          c.endsWith(`> ${fromRoot(inventory.ssh.knownHostsPath)}`),
      ),
    ).toBe(true);
    expect(inventory.ssh).toMatchObject({ user: 'runner', become: true, hostKeyPolicy: 'strict' });
  });

  it('gives rigger an inventory it validates: one server, allowed, online, Cilium as the only add-on', async () => {
    expect(inventory.hosts.map((h) => h.roles)).toEqual([['control-plane']]);
    expect(inventory.cluster).toMatchObject({ allowSingleServer: true, install: { mode: 'online' } });
    // The workflow's key and known_hosts, made in a copy of the tree as the workflow makes them.
    const tree = mkdtempSync(join(tmpdir(), 'rigger-e2e-tree-'));
    mkdirSync(join(tree, dirname(INVENTORY)), { recursive: true });
    mkdirSync(join(tree, '.rigger/e2e'), { recursive: true });
    copyFileSync(join(ROOT, INVENTORY), join(tree, INVENTORY));
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(tree, '.rigger/e2e/id_ed25519')]);
    const pub = readFileSync(join(tree, '.rigger/e2e/id_ed25519.pub'), 'utf8')
      .split(' ')
      .slice(0, 2)
      .join(' ');
    writeFileSync(join(tree, '.rigger/e2e/known_hosts'), `10.99.0.11 ${pub}\n`);
    const r = await runCli(['validate', '--json', join(tree, INVENTORY)], {
      cwd: ROOT,
      env: { RIGGER_E2E_TOKEN: 'a-token' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      valid: boolean;
      warnings: unknown[];
      addons: { id: string }[];
      cluster: { install: string };
    };
    expect(out).toMatchObject({ valid: true, warnings: [], cluster: { install: 'online' } });
    expect(out.addons.map((a) => a.id)).toEqual(['cilium']);
  });

  it('fails the second provision step when any task changed something, and passes when none did', () => {
    const step = steps[stepWith(/--output json/)];
    const event = (status: string) =>
      JSON.stringify({
        type: 'task',
        result: {
          host: 'e2e-1',
          task: 'rke2-service',
          status,
          changes: status === 'changed' ? [{ summary: 'restart rke2-server' }] : [],
        },
      });
    const clean = runStep(step, `echo '${event('ok')}'`);
    expect(clean.code).toBe(0);
    const dirty = runStep(step, `echo '${event('ok')}'; echo '${event('changed')}'`);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('e2e-1 rke2-service: restart rke2-server');
  });

  it.each([0, 1, 2])('ends the drift step with rigger drift exit code %i', (code) => {
    expect(runStep(steps[stepWith(/rigger drift/)], `exit ${code}`).code).toBe(code);
  });
});
