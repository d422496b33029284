import { CoreV1Api, KubernetesObjectApi, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { blockingBudgets, evictPod, evictionApiVersion, podKey } from './eviction.ts';
import { messageOf, statusOf } from './object-ref.ts';

/** Marks a node unschedulable, so nothing new lands on it while it is drained. */
export async function cordon(kc: KubeConfig, node: string): Promise<'cordoned' | 'already'> {
  const core = kc.makeApiClient(CoreV1Api);
  const current = await core.readNode({ name: node });
  if (current.spec?.unschedulable === true) return 'already';
  // The generated client sends patches as JSON patch; `add` sets the field whether or not it is there.
  await core.patchNode({ name: node, body: [{ op: 'add', path: '/spec/unschedulable', value: true }] });
  return 'cordoned';
}

export interface DrainOptions {
  /** How long evictions are retried while PodDisruptionBudgets block them, and evicted pods awaited. */
  timeoutMs: number;
  /**
   * Delete the pods that still cannot be evicted at the timeout. They then get their own
   * termination grace period (plus a margin) to go, so a forced drain can outlast `timeoutMs`.
   */
  force?: boolean;
  /** Between rounds of listing and evicting; 2 s by default. */
  pollMs?: number;
  log?: (line: string) => void;
}

/** What a drain did, pods named `namespace/name`. */
export interface DrainResult {
  /** Evicted through the Eviction API and gone from the node. */
  evicted: string[];
  /** Deleted outright because a budget still blocked their eviction at the timeout (`force`). */
  deleted: string[];
  /** Left alone: DaemonSet pods, mirror (static) pods, pods that already ran to completion. */
  skipped: { pod: string; reason: string }[];
}

/** Why a drain leaves a pod where it is, or undefined when the pod is to be evicted. */
export function skipReason(pod: V1Pod): string | undefined {
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    return 'mirror pod (static pod of the kubelet)';
  const ds = pod.metadata?.ownerReferences?.find((o) => o.kind === 'DaemonSet');
  if (ds) return `managed by DaemonSet ${ds.name}`;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return `terminated (${phase})`;
  return undefined;
}

/** Extra time for pods deleted at the timeout: their grace period plus a margin for the kubelet. */
function forcedGraceMs(pods: V1Pod[]): number {
  const graceS = Math.max(0, ...pods.map((p) => p.spec?.terminationGracePeriodSeconds ?? 30));
  return graceS * 1000 + 15_000;
}

const seconds = (ms: number): string => `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;

async function blockedError(
  objects: KubernetesObjectApi,
  apiVersion: string,
  node: string,
  timeoutMs: number,
  blocked: { pod: V1Pod; message: string }[],
): Promise<RunError> {
  const lines: string[] = [];
  for (const { pod, message } of blocked) {
    const budgets = await blockingBudgets(objects, apiVersion, pod).catch((e: unknown) => [
      `(could not read its PodDisruptionBudgets: ${messageOf(e)})`,
    ]);
    lines.push(`  ${podKey(pod)}: ${budgets.length > 0 ? budgets.join('; ') : message}`);
  }
  return new RunError(
    `draining node ${node}: ${blocked.length} pod(s) still cannot be evicted after ${seconds(timeoutMs)}, ` +
      `their PodDisruptionBudgets allow no disruption (a forced drain deletes them instead):\n${lines.join('\n')}`,
  );
}

/**
 * Evicts every pod from a node through the Eviction API, honouring PodDisruptionBudgets, and
 * waits until the pods are gone. DaemonSet pods, mirror pods and completed pods stay (their
 * controllers or the kubelet own them). The node should be cordoned first, or evicted pods may be
 * rescheduled onto it.
 */
export async function drainNode(kc: KubeConfig, node: string, opts: DrainOptions): Promise<DrainResult> {
  const core = kc.makeApiClient(CoreV1Api);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const log = opts.log ?? (() => undefined);
  const pollMs = opts.pollMs ?? 2000;
  // A mistyped name would otherwise "drain" an empty node and report success.
  try {
    await core.readNode({ name: node });
  } catch (e) {
    if (statusOf(e) === 404)
      throw new RunError(`cannot drain node ${node}: there is no such Node`, { cause: e });
    throw e;
  }
  const apiVersion = await evictionApiVersion(core, objects);

  const evicted: string[] = [];
  const deleted: string[] = [];
  const skipped = new Map<string, string>();
  // UIDs rigger evicted or deleted: those pods are on their way out even before they show it.
  const leavingUids = new Set<string>();
  const reportedBlocked = new Set<string>();
  const started = Date.now();
  let deadline = started + opts.timeoutMs;

  for (;;) {
    const pods = (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items;
    const toEvict: V1Pod[] = [];
    const leaving: V1Pod[] = [];
    for (const pod of pods) {
      const why = skipReason(pod);
      if (why !== undefined) {
        if (!skipped.has(podKey(pod))) log(`${node}: skipping ${podKey(pod)}: ${why}`);
        skipped.set(podKey(pod), why);
      } else if (leavingUids.has(pod.metadata?.uid ?? '') || pod.metadata?.deletionTimestamp) {
        leaving.push(pod);
      } else {
        toEvict.push(pod);
      }
    }
    if (toEvict.length === 0 && leaving.length === 0) break;

    const late = Date.now() >= deadline;
    const blocked: { pod: V1Pod; message: string }[] = [];
    for (const pod of toEvict) {
      const key = podKey(pod);
      const outcome = await evictPod(core, apiVersion, pod);
      if (outcome.kind === 'evicted') {
        log(`${node}: evicted ${key}`);
        evicted.push(key);
        leavingUids.add(pod.metadata?.uid ?? '');
      } else if (outcome.kind === 'gone') {
        log(`${node}: ${key} was already gone`);
      } else {
        if (!reportedBlocked.has(key)) log(`${node}: cannot evict ${key} yet: ${outcome.message}`);
        reportedBlocked.add(key);
        blocked.push({ pod, message: outcome.message });
      }
    }

    if (late && blocked.length > 0) {
      if (!opts.force) throw await blockedError(objects, apiVersion, node, opts.timeoutMs, blocked);
      for (const { pod } of blocked) {
        if (!(await deletePod(core, node, pod))) continue;
        log(
          `${node}: deleted ${podKey(pod)}: its PodDisruptionBudget still allowed no eviction (forced drain)`,
        );
        deleted.push(podKey(pod));
        leavingUids.add(pod.metadata?.uid ?? '');
      }
      deadline = Math.max(deadline, Date.now() + forcedGraceMs(blocked.map((b) => b.pod)));
    } else if (late && toEvict.length === 0) {
      throw new RunError(
        `draining node ${node}: ${leaving.length} pod(s) still terminating on the node after ` +
          `${seconds(Date.now() - started)}: ${leaving.map(podKey).join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }

  const sorted = (a: string, b: string): number => a.localeCompare(b);
  return {
    evicted: evicted.sort(sorted),
    deleted: deleted.sort(sorted),
    skipped: [...skipped].sort(([a], [b]) => sorted(a, b)).map(([pod, reason]) => ({ pod, reason })),
  };
}

/** Deletes a pod with its own grace period; false when it was already gone (or replaced). */
async function deletePod(core: CoreV1Api, node: string, pod: V1Pod): Promise<boolean> {
  const uid = pod.metadata?.uid;
  try {
    await core.deleteNamespacedPod({
      name: pod.metadata?.name ?? '',
      namespace: pod.metadata?.namespace ?? '',
      ...(uid ? { body: { preconditions: { uid } } } : {}),
    });
  } catch (e) {
    if (statusOf(e) === 404 || statusOf(e) === 409) return false;
    throw new RunError(`draining node ${node}: deleting pod ${podKey(pod)} failed: ${messageOf(e)}`, {
      cause: e,
    });
  }
  return true;
}
