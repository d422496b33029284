import type { KubernetesObject } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { manifestObject } from './manifests.ts';

export type Values = Record<string, unknown>;

const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Helm's way of layering values: maps merge key by key, anything else (lists included) is
 * replaced by the later layer; `null` removes a key, as in `helm --set key=null`.
 */
export function mergeValues(...layers: readonly (Values | undefined)[]): Values {
  const out = new Map<string, unknown>();
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {})) {
      const before = out.get(k);
      if (v === null) out.delete(k);
      else if (isMap(v) && isMap(before)) out.set(k, mergeValues(before, v));
      else out.set(k, isMap(v) ? mergeValues(v) : structuredClone(v));
    }
  }
  return Object.fromEntries(out);
}

const isLayers = (v: Values | readonly Values[] | undefined): v is readonly Values[] => Array.isArray(v);

/** `helm.cattle.io/v1` HelmChart, as far as rigger fills it in. */
export interface HelmChart extends KubernetesObject {
  spec: {
    repo?: string;
    chart: string;
    version?: string;
    targetNamespace?: string;
    valuesContent?: string;
    valuesSecrets?: { name: string; keys: string[] }[];
    bootstrap?: boolean;
    failurePolicy?: 'abort' | 'reinstall';
    [key: string]: unknown;
  };
}

/** The HelmChart of a manifest file (checked to be one). */
export function helmChartManifest(folder: string, file: string): HelmChart {
  const o = manifestObject(folder, file);
  if (o.kind !== 'HelmChart')
    throw new Error(`manifests/${folder}/${file}: expected a HelmChart, found ${o.kind ?? '?'}`);
  return o as HelmChart;
}

/**
 * Fills in a HelmChart from manifests/: the version, the chart repository when the inventory names
 * a mirror, and values as data: the file's own defaults, then what rigger derives from the
 * inventory, then the operator's `values` (which win).
 */
export function renderHelmChart(
  chart: HelmChart,
  opts: {
    name?: string;
    version: string;
    repo?: string | undefined;
    /** Layers, in order: a `null` in one removes the key from the manifest's defaults too. */
    derived?: Values | readonly Values[];
    overrides?: Values;
    targetNamespace?: string;
  },
): HelmChart {
  const out = structuredClone(chart);
  if (opts.name) (out.metadata ??= {}).name = opts.name;
  if (opts.targetNamespace) out.spec.targetNamespace = opts.targetNamespace;
  if (opts.repo) out.spec.repo = opts.repo;
  out.spec.version = opts.version;
  const defaults = (parse(chart.spec.valuesContent ?? '') ?? {}) as Values;
  const derived: readonly (Values | undefined)[] = isLayers(opts.derived) ? opts.derived : [opts.derived];
  const values = mergeValues(defaults, ...derived, opts.overrides);
  out.spec.valuesContent = stringify(values, { lineWidth: 0 });
  return out;
}
