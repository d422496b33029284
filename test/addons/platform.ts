/**
 * The platform rigger would build for an inventory, as a whole: every object it applies itself
 * and every object each of its HelmCharts renders with the real chart.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { renderPlatform } from '../../src/addons/platform.ts';
import type { HelmChart } from '../../src/addons/values.ts';
import { Redactor } from '../../src/core/redact.ts';
import { resolveSecrets } from '../../src/inventory/secrets.ts';
import { loadText, prodText } from '../../src/inventory/testing.ts';
import type { Inventory } from '../../src/inventory/types.generated.ts';
import { helmTemplate } from './helm-template.ts';

/** Secret values no chart may print outside a Secret: distinct enough to find anywhere. */
export const SECRET_ENV = {
  RIGGER_PROD_TOKEN: 'K10renderedPlatformToken',
  RIGGER_PROD_VELERO_S3: 'AKIAVELEROTESTKEY0001:veleroSecretAccessKey0123456789',
  RIGGER_PROD_OBS_S3: 'AKIAOBSERVTESTKEY0001:observSecretAccessKey0123456789',
  RIGGER_PROD_GRAFANA_PASSWORD: 'grafanaAdminPassword0123456789',
};

/** The single strings an object must not contain unless it is a Secret. */
export const SECRET_VALUES = Object.values(SECRET_ENV).flatMap((v) => v.split(':'));

export interface RenderedChart {
  chart: HelmChart;
  objects: KubernetesObject[];
}

export interface Platform {
  inventory: Inventory;
  /** What rigger applies, HelmCharts included. */
  applied: KubernetesObject[];
  charts: RenderedChart[];
  /** What ends up on the cluster: rigger's objects other than HelmCharts, and what the charts render. */
  objects: KubernetesObject[];
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'IngressClass',
  'CSIDriver',
  'PriorityClass',
  'PersistentVolume',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'SecurityContextConstraints',
]);

/** Renders the prod inventory (or an edit of it) into the whole platform. */
export function renderedPlatform(text = prodText(), env: NodeJS.ProcessEnv = SECRET_ENV): Platform {
  const loaded = loadText(text, env);
  const secrets = resolveSecrets(loaded, env, new Redactor());
  const applied = renderPlatform({ inventory: loaded.inventory, secrets }).flatMap((a) => a.objects);
  const charts = applied
    .filter((o): o is HelmChart => o.kind === 'HelmChart')
    .map((chart) => ({ chart, objects: inNamespace(helmTemplate(chart, applied), chart) }));
  return {
    inventory: loaded.inventory,
    applied,
    charts,
    objects: [...applied.filter((o) => o.kind !== 'HelmChart'), ...charts.flatMap((c) => c.objects)],
  };
}

/** Namespaced objects a chart renders without a namespace land in the release namespace. */
function inNamespace(objects: KubernetesObject[], chart: HelmChart): KubernetesObject[] {
  for (const o of objects) {
    if (CLUSTER_SCOPED.has(o.kind ?? '') || o.metadata?.namespace) continue;
    (o.metadata ??= {}).namespace = chart.spec.targetNamespace ?? 'kube-system';
  }
  return objects;
}

export const ofKind = (objects: readonly KubernetesObject[], kind: string): KubernetesObject[] =>
  objects.filter((o) => o.kind === kind);

export const refOf = (o: KubernetesObject): string =>
  `${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? ''}`;
