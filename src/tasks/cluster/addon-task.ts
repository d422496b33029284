import type { KubernetesObject } from '@kubernetes/client-node';
import { ADDON_LABEL, type Addon } from '../../addons/addon.ts';
import { inApplyOrder } from '../../addons/platform.ts';
import type { HelmChart } from '../../addons/values.ts';
import { applyObject } from '../../kube/apply.ts';
import { describeDrift, describeFields, objectDrift, type ObjectDrift } from '../../kube/drift.ts';
import { chartState, waitForChart, type ChartState } from '../../kube/helm-chart-wait.ts';
import { headerOf, objectRef } from '../../kube/object-ref.ts';
import { served, waitForServed } from '../../kube/served.ts';
import { waitForRelease } from '../../kube/workloads.ts';
import type { ClusterChange, ClusterContext, ClusterTask } from './cluster-task.ts';
import { TaskSkip } from '../task.ts';

const isChart = (o: KubernetesObject): o is HelmChart => o.kind === 'HelmChart';

/** Whether a change to a chart makes the helm-controller run a new job (anything but `bootstrap`). */
const rerunsJob = (d: ObjectDrift): boolean =>
  d.kind !== 'changed' || d.fields.some((f) => f.path.startsWith('spec') && f.path !== 'spec.bootstrap');

/**
 * An add-on as a cluster task: every object it renders is planned with a server-side apply dry
 * run and applied with server-side apply; a chart's apply waits for its install job (a new one
 * after a change) and its release's workloads; objects whose kind comes with a chart wait for that
 * kind to be served. Objects carrying the add-on's label that it no longer renders are orphans:
 * reported, and deleted only with --prune.
 */
export function addonTask(addon: Addon): ClusterTask {
  return {
    id: addon.id,
    title: addon.title,
    async plan(ctx) {
      const enabled = addon.enabled(ctx.inventory);
      // The same order `rigger manifests` prints.
      const objects = enabled ? inApplyOrder(addon.render(ctx)) : [];
      const charts = objects.filter(isChart);
      // Planning only reads (dry runs), so every object is asked at once; the changes keep the
      // objects' order.
      const [states, drifts] = await Promise.all([
        chartStates(ctx, charts),
        Promise.all(objects.map((o) => objectDrift(ctx.api, o))),
      ]);

      const changes: ClusterChange[] = [];
      const changedSecrets = new Set<string>();
      const touchedCharts = new Set<string>();
      for (const [i, o] of objects.entries()) {
        const d = drifts[i];
        if (!d) continue;
        if (o.kind === 'Secret') changedSecrets.add(o.metadata?.name ?? '');
        if (isChart(o)) touchedCharts.add(objectRef(o));
        changes.push(objectChange(o, d, charts, states));
      }
      // A chart not changed itself still needs watching when its values Secret changed (the
      // helm-controller re-runs it) or when its last install did not succeed.
      for (const c of charts) {
        const ref = objectRef(c);
        if (touchedCharts.has(ref)) continue;
        const state = states.get(ref);
        const rerun = (c.spec.valuesSecrets ?? []).some((s) => changedSecrets.has(s.name));
        if (!rerun && state?.state === 'succeeded') continue;
        changes.push({
          summary: rerun
            ? `wait for ${ref} to install again with its changed values Secret`
            : `wait for ${ref}: ${state?.seen ?? 'not seen'}`,
          apply: (c2) => waitForChartAndRelease(c2, c, rerun ? state?.jobUid : undefined),
        });
      }
      changes.push(...(await orphans(addon, objects, ctx)));
      if (!enabled && changes.length === 0) throw new TaskSkip('disabled in the inventory');
      return changes;
    },
  };
}

async function chartStates(ctx: ClusterContext, charts: HelmChart[]): Promise<Map<string, ChartState>> {
  const states = await Promise.all(charts.map((c) => chartState(ctx.api, nameOf(c))));
  return new Map(charts.map((c, i) => [objectRef(c), states[i] as ChartState]));
}

function nameOf(o: KubernetesObject): { name: string; namespace: string } {
  return { name: o.metadata?.name ?? '', namespace: o.metadata?.namespace ?? '' };
}

async function waitForChartAndRelease(
  ctx: ClusterContext,
  chart: HelmChart,
  notJobUid?: string,
): Promise<void> {
  await waitForChart(ctx.api, chart, { timeoutMs: ctx.timeoutMs, ...(notJobUid ? { notJobUid } : {}) });
  await waitForRelease(
    ctx.api,
    chart.spec.targetNamespace ?? chart.metadata?.namespace ?? '',
    chart.metadata?.name ?? '',
    ctx.timeoutMs,
  );
}

function objectChange(
  o: KubernetesObject,
  d: ObjectDrift,
  charts: HelmChart[],
  states: ReadonlyMap<string, ChartState>,
): ClusterChange {
  const lines = describeFields(d);
  return {
    summary: describeDrift(d),
    ...(lines.length ? { diff: lines.join('\n') } : {}),
    object: d,
    apply: async (ctx) => {
      if (d.kind === 'unserved' || !(await served(ctx.api, o.apiVersion ?? '', o.kind ?? ''))) {
        await waitForServed(
          ctx.api,
          o.apiVersion ?? '',
          o.kind ?? '',
          ctx.timeoutMs,
          `it should come with ${charts.map(objectRef).join(', ') || 'a chart of this add-on'}`,
        );
      }
      await applyObject(ctx.api, o);
      if (isChart(o) && rerunsJob(d)) {
        const before = states.get(objectRef(o));
        await waitForChartAndRelease(ctx, o, d.kind === 'missing' ? undefined : before?.jobUid);
      }
    },
  };
}

/** Live objects with the add-on's label that it does not render (any more). */
async function orphans(
  addon: Addon,
  rendered: KubernetesObject[],
  ctx: ClusterContext,
): Promise<ClusterChange[]> {
  const keep = new Set(rendered.map(objectRef));
  const lists = await Promise.all(addon.kinds.map((k) => labelled(ctx, k, addon.id)));
  const out: ClusterChange[] = [];
  for (const [i, k] of addon.kinds.entries()) {
    for (const item of lists[i] ?? []) {
      const o = { ...item, apiVersion: k.apiVersion, kind: k.kind };
      const ref = objectRef(o);
      if (keep.has(ref)) continue;
      const d: ObjectDrift = { ref, kind: 'orphan', fields: [] };
      out.push({
        summary: describeDrift(d, ctx.prune),
        object: d,
        deferred: !ctx.prune,
        apply: async (c) => {
          await c.api.delete(headerOf(o), undefined, undefined, undefined, undefined, 'Background');
        },
      });
    }
  }
  return out;
}

/** The live objects of one kind that carry the add-on's label; none while the kind is not served. */
async function labelled(
  ctx: ClusterContext,
  k: { apiVersion: string; kind: string },
  addonId: string,
): Promise<KubernetesObject[]> {
  if (!(await served(ctx.api, k.apiVersion, k.kind))) return [];
  const list = await ctx.api.list(
    k.apiVersion,
    k.kind,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    `${ADDON_LABEL}=${addonId}`,
  );
  return list.items;
}
