/**
 * The nightly drift check (.github/workflows/nightly-drift.yml) runs only on GitHub, against kind.
 * These tests check here, without kind or the lab, what would otherwise fail only there: the
 * workflow's syntax, the order of its steps, its shell steps' behaviour, that the kind config
 * and inventory/kind.yaml agree with each other and with rigger's own validation, and its rigger
 * steps, run with the real rigger against the real kube-apiserver the tests use (see the last
 * describe for what of the workflow cannot run here).
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runCli } from '../../src/cli/testing.ts';
import { statusOf } from '../../src/kube/object-ref.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';
import {
  actionlint,
  commands,
  loadWorkflow,
  ROOT,
  runStep,
  stepIndex,
  type Step,
} from '../support/workflow.ts';

const WORKFLOW = '.github/workflows/nightly-drift.yml';
const KIND_CONFIG = 'test/kind/kind-config.yaml';
const KIND_INVENTORY = 'inventory/kind.yaml';
const HELM_CONTROLLER_PATCH = 'test/kind/helm-controller-patch.yaml';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const { text: workflowText, workflow, job, steps } = loadWorkflow(WORKFLOW);

/** Index of the first step with a command matching `re`; fails the test when there is none. */
function stepWith(re: RegExp): number {
  const i = stepIndex(steps, re);
  expect(i, `a step running ${String(re)}`).toBeGreaterThanOrEqual(0);
  return i;
}
const commandOf = (i: number, re: RegExp): string => commands(steps[i]).find((c) => re.test(c)) ?? '';
const flag = (command: string, name: string): string | undefined =>
  new RegExp(`${name}\\s+("[^"]*"|\\S+)`).exec(command)?.[1];

/** The step that applies the HelmChart standing for RKE2's bundled rke2-cilium. */
const ciliumStep = (): number => steps.findIndex((s) => /kind: HelmChart\n/.test(s.run ?? ''));
/** The manifest a step feeds to kubectl in a quoted heredoc. */
const heredoc = (step: Step | undefined): string =>
  /<<'EOF'\n([\s\S]*?)\nEOF/.exec(step?.run ?? '')?.[1] ?? '';
/** The variables a step wrote to $GITHUB_ENV (NAME=value lines). */
const githubEnv = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

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
    expect(job['timeout-minutes']).toBeLessThanOrEqual(120);
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
    const i = ciliumStep();
    expect(i).toBeGreaterThan(stepWith(/rollout status deployment\/helm-controller/));
    expect(i).toBeLessThan(stepWith(/^npx rigger provision /));
    expect(parse(heredoc(steps[i]))).toEqual({
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
      const r = runStep(steps[secrets], { cwd: ROOT, env: { GITHUB_ENV: envFile } });
      expect(r.code).toBe(0);
      const set = githubEnv(envFile);
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

/**
 * The workflow's rigger steps run with the real rigger (bin/rigger.js, what `npx rigger` runs after
 * `npm ci`), with the workflow's own arguments and throwaway secrets (its own step), against the
 * real kube-apiserver the tests use (test/support/kube-api.ts) in a copy of the files the steps
 * read. What cannot run here, and why:
 * - kind: no Docker here, so no nodes, kubelets or controllers; the steps that label and wait for
 *   nodes have nothing to act on.
 * - helm-controller: its release manifest is on GitHub, which this machine cannot reach. The CRDs
 *   come from manifests/helm-controller/crds.yaml (those RKE2 installs); no controller runs them.
 * - so `rigger provision` cannot finish: each chart's apply waits for helm-controller's install Job
 *   and the release's workloads, and here would fail after addons.timeoutSeconds (600 s). Its
 *   exact command runs as a dry run instead: the same phases and plans, against the API.
 * - so the drift step cannot exit 0 here: no drift needs every chart installed. Exit 1 (drift:
 *   nothing is installed) and 2 (the API cannot be reached) are rigger's own.
 */
describe("the workflow's rigger steps, run with the real rigger against a real kube-apiserver", () => {
  let kube: KubeApi;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    kube = await startKubeApi();
    const api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
    for (const doc of parseAllDocuments(read('manifests/helm-controller/crds.yaml'))) {
      const crd = doc.toJS() as KubernetesObject;
      await api.patch(crd, undefined, undefined, 'helm-controller', true, PatchStrategy.ServerSideApply);
    }
    // The workflow's own rke2-cilium HelmChart, applied as its step does, once its kind is served.
    const chart = parse(heredoc(steps[ciliumStep()])) as KubernetesObject;
    for (let tries = 0; ; tries++) {
      try {
        await api.patch(chart, undefined, undefined, 'kubectl', true, PatchStrategy.ServerSideApply);
        break;
      } catch (e) {
        if (tries > 60) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }

    work = mkdtempSync(join(tmpdir(), 'rigger-nightly-real-'));
    for (const file of [KIND_INVENTORY, 'test/kind/known_hosts']) {
      mkdirSync(join(work, file, '..'), { recursive: true });
      copyFileSync(join(ROOT, file), join(work, file));
    }
    // `npx rigger` resolves to the package's bin, bin/rigger.js; only that resolution is replaced.
    const bin = join(work, '.bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npx'),
      `#!/bin/bash\n[ "$1" = rigger ] || exit 127\nshift\nexec node ${JSON.stringify(join(ROOT, 'bin/rigger.js'))} "$@"\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    const githubEnvFile = join(work, '.github-env');
    expect(
      runStep(steps[stepWith(/openssl rand/)], { cwd: work, env: { GITHUB_ENV: githubEnvFile } }).code,
    ).toBe(0);
    env = {
      ...githubEnv(githubEnvFile),
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      GITHUB_STEP_SUMMARY: join(work, '.step-summary'),
      RIGGER_KUBECONFIG: kube.kubeconfigPath,
    };
  });

  afterAll(async () => {
    await kube.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the provision step, as a dry run, plans every object rigger manifests prints through the kubeconfig alone', async () => {
    const command = commandOf(stepWith(/^npx rigger provision /), /rigger provision/);
    const r = runStep({ run: `${command} --dry-run` }, { cwd: work, env });
    expect(r.code, r.stderr).toBe(0);
    // No host is connected: inventory/kind.yaml's known_hosts is empty, strict, and kind's nodes run no sshd.
    expect(r.stdout).toMatch(/^provision: run \S+ on 0 host\(s\) \(plan: nothing will be changed\)$/m);
    const manifests = await runCli(['manifests', KIND_INVENTORY], { cwd: work, env });
    expect(manifests.code, manifests.stderr).toBe(0);
    const refs = parseAllDocuments(manifests.stdout).map((d) => {
      const o = d.toJS() as KubernetesObject;
      const ns = o.metadata?.namespace;
      return `${o.kind ?? '?'}/${ns ? `${ns}/` : ''}${o.metadata?.name ?? '?'}`;
    });
    expect(refs).toContain('HelmChartConfig/kube-system/rke2-cilium');
    for (const ref of refs) expect(r.stdout).toContain(`create ${ref}`);
    // A plan: nothing of it was applied.
    const api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
    const config = {
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChartConfig',
      metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
    };
    expect(await api.read(config).then(() => 200, statusOf)).toBe(404);
  });

  it('the drift step exits 1 on a cluster without the add-ons, its JUnit report naming each add-on that drifted', () => {
    const r = runStep(steps[stepWith(/rigger drift/)], { cwd: work, env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('::error::rigger found drift right after installing the add-ons');
    const junit = readFileSync(join(work, 'drift-report/drift.xml'), 'utf8');
    for (const addon of ['cilium', 'metallb', 'ingress-nginx', 'monitoring'])
      expect(junit).toMatch(new RegExp(`<testcase classname="cluster" name="${addon}"><failure `));
    expect(junit).toContain('create HelmChartConfig/kube-system/rke2-cilium');
    // The nodes kind would have are not here either (no kubelet): drift, too.
    expect(junit).toContain('Node/rigger-drift-worker is missing');
    expect(existsSync(env.GITHUB_STEP_SUMMARY ?? '')).toBe(false);
  });

  it('the drift step exits 2 when rigger cannot reach the cluster, its JUnit report still written', () => {
    const dead = join(work, '.dead.kubeconfig');
    writeFileSync(
      dead,
      readFileSync(kube.kubeconfigPath, 'utf8').replace(kube.server, 'https://127.0.0.1:1'),
    );
    rmSync(join(work, 'drift-report'), { recursive: true, force: true });
    const r = runStep(steps[stepWith(/rigger drift/)], {
      cwd: work,
      env: { ...env, RIGGER_KUBECONFIG: dead },
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toContain('::error::rigger could not check the cluster for drift (exit 2)');
    expect(readFileSync(join(work, 'drift-report/drift.xml'), 'utf8')).toContain(
      '<testsuites name="rigger drift">',
    );
  });
});
