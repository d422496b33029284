/**
 * Air-gapped add-ons: with `cluster.install.mode: airgap` every chart an enabled add-on installs
 * comes from the site, either its `charts/` folder in the artifacts directory (a Helm repository
 * folder: `<chart>-<version>.tgz` and `index.yaml`), which rigger embeds in the HelmChart as
 * `spec.chartContent`, or a chart mirror (`chartRepository`). Also the site-chart lookup the
 * add-ons use, so that validation and rendering decide alike.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { formatPath, type FieldPath } from '../field-path.ts';
import type { Inventory } from '../types.generated.ts';
import { error, type Finding, type Rule } from './rule.ts';

/**
 * The largest chart archive rigger embeds: 576 KiB, 768 KiB as base64. helm-controller copies
 * `chartContent` into a ConfigMap `chart-content-<name>` (k3s-io/helm-controller v0.17.7
 * pkg/controllers/chart/chart.go `contentConfigMap`), and a ConfigMap holds at most 1 MiB
 * (Kubernetes docs, ConfigMaps); the HelmChart itself, with its values, must stay well under
 * etcd's 1.5 MiB request limit. A larger chart (kube-prometheus-stack, thanos) needs the mirror.
 */
export const CHART_CONTENT_MAX_BYTES = 576 * 1024;

/** One chart an enabled add-on installs, with the inventory path of the version that pins it. */
export interface AddonChart {
  path: FieldPath;
  chart: string;
  version: string;
  /** The chart mirror it may come from instead: its own `chartRepository`, else the global one. */
  repository: string | undefined;
}

interface Pinned {
  enabled: boolean;
  version: string;
  chartRepository?: string;
}

/** Every chart the enabled add-ons install (Cilium is RKE2's bundled chart: not the site's). */
export function addonCharts(inv: Inventory): AddonChart[] {
  const a = inv.addons;
  const o = a.observability;
  const out: AddonChart[] = [];
  const add = (path: string[], chart: string, p: Pinned, versionKey = 'version'): void => {
    if (!p.enabled) return;
    const version = versionKey === 'version' ? p.version : a.rookCeph.csiDriversVersion;
    out.push({
      path: [...path, versionKey],
      chart,
      version,
      repository: p.chartRepository ?? a.chartRepository,
    });
  };
  add(['addons', 'metallb'], 'metallb', a.metallb);
  add(['addons', 'ingressNginx'], 'nginx-ingress', a.ingressNginx);
  add(['addons', 'rookCeph'], 'rook-ceph', a.rookCeph);
  add(['addons', 'rookCeph'], 'rook-ceph-cluster', a.rookCeph);
  add(['addons', 'rookCeph'], 'ceph-csi-drivers', a.rookCeph, 'csiDriversVersion');
  add(['addons', 'velero'], 'velero', a.velero);
  const obs = (k: string): string[] => ['addons', 'observability', k];
  add(obs('prometheus'), 'kube-prometheus-stack', o.prometheus);
  add(obs('thanos'), 'thanos', { ...o.thanos, enabled: o.prometheus.enabled && o.thanos.enabled });
  add(obs('loki'), 'loki', o.loki);
  add(obs('logs'), 'alloy', o.logs);
  add(obs('tempo'), 'tempo', o.tempo);
  return out;
}

/** A chart archive in the site's folder, checked against the folder's index. */
export type SiteChart =
  | { state: 'missing'; file: string }
  | { state: 'refused'; file: string; problem: string }
  | { state: 'found'; file: string; sha256: string; size: number; remoteRefs: string[] };

/** The site's chart folder, or undefined when the install is not air-gapped. */
export function siteChartsDir(inv: Inventory): string | undefined {
  const { mode, artifactsDir } = inv.cluster.install;
  return mode === 'airgap' && artifactsDir ? join(artifactsDir, 'charts') : undefined;
}

const cache = new Map<string, { stamp: string; chart: SiteChart }>();

/**
 * `<dir>/<chart>-<version>.tgz`, verified as helm verifies a repository's archive: its sha256
 * must be the `digest` that `index.yaml` (`helm repo index`) lists for that chart and version.
 * A chart the index does not list, or lists with another digest, is refused.
 */
export function siteChart(dir: string, chart: string, version: string): SiteChart {
  const file = join(dir, `${chart}-${version}.tgz`);
  let stamp: string;
  try {
    const st = statSync(file);
    const ix = statSync(join(dir, 'index.yaml'), { throwIfNoEntry: false });
    stamp = `${st.size}:${st.mtimeMs}:${ix?.mtimeMs ?? 0}`;
  } catch {
    return { state: 'missing', file };
  }
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.chart;
  const result = readSiteChart(dir, file, chart, version);
  cache.set(file, { stamp, chart: result });
  return result;
}

function readSiteChart(dir: string, file: string, chart: string, version: string): SiteChart {
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let index: { entries?: Record<string, { version?: string; digest?: string }[] | undefined> } | null;
  try {
    index = parse(readFileSync(join(dir, 'index.yaml'), 'utf8')) as typeof index;
  } catch {
    const problem = `no readable index.yaml beside it: rigger checks every chart against its repository index's digest (helm repo index ${dir})`;
    return { state: 'refused', file, problem };
  }
  const listed = index?.entries?.[chart]?.find((e) => e.version === version);
  if (!listed?.digest)
    return {
      state: 'refused',
      file,
      problem: `not listed in ${join(dir, 'index.yaml')}; refusing a chart that cannot be verified`,
    };
  if (listed.digest !== sha256)
    return {
      state: 'refused',
      file,
      problem: `sha256 mismatch: index.yaml says ${listed.digest}, the file has ${sha256}`,
    };
  return { state: 'found', file, sha256, size: bytes.length, remoteRefs: remoteSchemaRefs(bytes) };
}

/**
 * The remote `$ref`s in the chart's `values.schema.json` files. helm loads every `$ref` when it
 * compiles a schema, and RKE2's helm-controller cannot skip validation, so such a chart's install
 * job fails for ever on an air-gapped cluster (test/rke2-stand-in/CONTRACT.md, "The nginx-ingress
 * chart's remote schema"). A tar reader just big enough for helm's archives (ustar, GNU long names).
 */
export function remoteSchemaRefs(tgz: Buffer): string[] {
  const tar = gunzipSync(tgz);
  const refs = new Set<string>();
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number): string =>
      header
        .subarray(from, from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = tar.subarray(at + 512, at + 512 + size);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = type === 'L' ? body.toString('utf8').replace(/\0.*$/s, '') : undefined;
    if ((type === '0' || type === '') && /(^|\/)values\.schema\.json$/.test(name)) {
      for (const m of body.toString('utf8').matchAll(/"\$ref"\s*:\s*"([a-z][a-z0-9+.-]*:\/\/[^"#]*)/gi))
        if (m[1]) refs.add(m[1]);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return [...refs].sort();
}

/** What keeps one add-on chart from installing on the air-gapped cluster, if anything. */
function chartProblem(dir: string, c: AddonChart): string | undefined {
  const found = siteChart(dir, c.chart, c.version);
  const own = formatPath([...c.path.slice(0, -1), 'chartRepository']);
  if (found.state === 'refused') return `${found.file}: ${found.problem}`;
  if (found.state === 'missing')
    return c.repository
      ? undefined
      : `chart ${c.chart} ${c.version} is not in ${dir} (${c.chart}-${c.version}.tgz) and no chart mirror is set (addons.chartRepository or ${own}): an air-gapped cluster cannot fetch it`;
  if (found.size > CHART_CONTENT_MAX_BYTES && !c.repository)
    return `${found.file} is ${Math.ceil(found.size / 1024)} KiB, more than the ${CHART_CONTENT_MAX_BYTES / 1024} KiB rigger embeds in a HelmChart (helm-controller copies it into a ConfigMap, 1 MiB at most): serve it from a chart mirror (addons.chartRepository or ${own})`;
  if (found.size <= CHART_CONTENT_MAX_BYTES && found.remoteRefs.length)
    return `${found.file}: its values.schema.json $refs ${found.remoteRefs.join(', ')}, which helm loads at install and an air-gapped cluster cannot reach: put a copy vendored for offline use in its place (README, "Air-gapped add-ons")`;
  return undefined;
}

/** `validate` refuses an air-gapped inventory whose enabled add-ons have no chart on the site. */
export const airgapAddons: Rule = ({ inventory }) => {
  const dir = siteChartsDir(inventory);
  // A missing artifacts directory is the local-files rule's finding, once, not one per chart.
  if (!dir || !statSync(join(dir, '..'), { throwIfNoEntry: false })?.isDirectory()) return [];
  const findings: Finding[] = [];
  for (const c of addonCharts(inventory)) {
    const problem = chartProblem(dir, c);
    if (problem) findings.push(error(c.path, problem));
  }
  return findings;
};
