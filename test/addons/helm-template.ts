/**
 * Real `helm template` of the HelmCharts rigger renders, against the real charts at their pinned
 * versions in `../shared/charts` (a Helm repository beside the project: see its README). Values are
 * layered as RKE2's helm-controller layers them for its install job (k3s-io/helm-controller
 * pkg/controllers/chart/chart.go: `values-0-000-HelmChart-ValuesContent.yaml`, then one
 * `values-0-NNN-HelmChart-ValuesSecret.yaml` per key of each `valuesSecrets` entry, in order),
 * which helm merges as repeated `-f` files.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { HelmChart } from '../../src/addons/values.ts';
import { projectPath } from '../../src/core/project-root.ts';

/** The chart repository the lab and CI serve: `charts/` beside the repository's parent. */
export const CHARTS_DIR = resolve(projectPath(), '..', 'shared', 'charts');

/** The Kubernetes version of the pinned RKE2 (v1.35.7+rke2r1), which charts gate features on. */
export const KUBE_VERSION = '1.35.7';

let helmPath: string | undefined;

/** helm v4 from test/support/real-helm.sh (or RIGGER_HELM). */
export function helm(): string {
  helmPath ??=
    process.env.RIGGER_HELM ??
    join(
      execFileSync('bash', [projectPath('test', 'support', 'real-helm.sh')], { encoding: 'utf8' }).trim(),
      'helm',
    );
  return helmPath;
}

/** The packaged chart a HelmChart names, as `helm package` names it in the repository. */
export function chartArchive(chart: HelmChart): string {
  const path = join(CHARTS_DIR, `${chart.spec.chart}-${chart.spec.version ?? ''}.tgz`);
  if (!existsSync(path)) throw new Error(`no chart archive ${path} for HelmChart ${chart.metadata?.name}`);
  return path;
}

/** The values files of a chart, in the helm-controller's order. */
export function valuesLayers(chart: HelmChart, secrets: readonly KubernetesObject[]): string[] {
  const layers = [chart.spec.valuesContent ?? ''];
  for (const ref of chart.spec.valuesSecrets ?? []) {
    const s: (KubernetesObject & { data?: Record<string, string> }) | undefined = secrets.find(
      (o) =>
        o.kind === 'Secret' &&
        o.metadata?.name === ref.name &&
        o.metadata.namespace === chart.metadata?.namespace,
    );
    if (!s) throw new Error(`HelmChart ${chart.metadata?.name}: valuesSecret ${ref.name} is not rendered`);
    for (const key of ref.keys) {
      const b64 = s.data?.[key];
      if (b64 === undefined) throw new Error(`Secret ${ref.name} has no key ${key}`);
      layers.push(Buffer.from(b64, 'base64').toString('utf8'));
    }
  }
  return layers;
}

/**
 * Every object the chart renders (CRDs included), as the HelmChart's install job would apply
 * them: release name = the HelmChart's name, namespace = its targetNamespace.
 */
export function helmTemplate(chart: HelmChart, secrets: readonly KubernetesObject[]): KubernetesObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-render-'));
  try {
    const files = valuesLayers(chart, secrets).map((text, i) => {
      const file = join(dir, `values-${i}.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const args = [
      'template',
      chart.metadata?.name ?? '',
      chartArchive(chart),
      ...files.flatMap((f) => ['-f', f]),
      '--kube-version',
      KUBE_VERSION,
      '--namespace',
      chart.spec.targetNamespace ?? 'kube-system',
      '--include-crds',
      // F5's nginx-ingress chart: its values.schema.json $refs a schema on the internet
      // (raw.githubusercontent.com kubernetes-json-schema), so offline helm cannot load it at all
      // (charts README). For this chart only, until the coordinator settles how rigger installs it.
      ...(chart.spec.chart === 'nginx-ingress' ? ['--skip-schema-validation'] : []),
    ];
    const out = execFileSync(helm(), args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: 'pipe' });
    return parseStream(out);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`helm template ${chart.metadata?.name}: ${err.stderr?.trim() || err.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseStream(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS({ maxAliasCount: -1 }) as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o !== null && typeof o === 'object' && 'kind' in o);
}
