import type { CoreV1Api, KubernetesObject, KubernetesObjectApi, V1Pod } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { messageOf, statusOf } from './object-ref.ts';

/**
 * The Eviction group/version this server takes, e.g. `policy/v1` (Kubernetes >= 1.22) or
 * `policy/v1beta1` (older). The `pods/eviction` entry of core v1's discovery names it: that is
 * the server's own answer for the subresource. The policy group's versions alone would mislead on
 * 1.21, which serves policy/v1 for PodDisruptionBudgets but takes Evictions only in v1beta1; they
 * are the fallback for a server whose discovery leaves the entry's group and version out.
 */
export async function evictionApiVersion(core: CoreV1Api, objects: KubernetesObjectApi): Promise<string> {
  const resources = await core.getAPIResources();
  const entry = resources.resources.find((r) => r.name === 'pods/eviction');
  if (!entry) throw new RunError('this API server has no pods/eviction subresource: it cannot drain nodes');
  if (entry.group && entry.version) return `${entry.group}/${entry.version}`;
  return servedPolicyVersion(objects);
}

/**
 * The newest of policy/v1 and policy/v1beta1 this server serves, asked through discovery (a list
 * of at most one PodDisruptionBudget; there is no typed client for a version-independent read).
 */
export async function servedPolicyVersion(objects: KubernetesObjectApi): Promise<string> {
  for (const version of ['policy/v1', 'policy/v1beta1']) {
    try {
      await objects.list(
        version,
        'PodDisruptionBudget',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        1,
      );
      return version;
    } catch (e) {
      if (statusOf(e) !== 404 && !(e instanceof Error && /Unrecognized API version/.test(e.message))) throw e;
    }
  }
  throw new RunError('this API server serves neither policy/v1 nor policy/v1beta1: it cannot drain nodes');
}

/** What an eviction request came to. */
export type EvictOutcome =
  | { kind: 'evicted' }
  /** Already deleted, or replaced by another pod of the same name (the UID precondition failed). */
  | { kind: 'gone' }
  /** 429: a PodDisruptionBudget does not allow it now (or the server asks to come back later). */
  | { kind: 'blocked'; message: string };

/** `namespace/name`, how pods are named in drain output. */
export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? '?'}/${pod.metadata?.name ?? '?'}`;
}

/**
 * Asks the API server to evict one pod (it checks the pod's PodDisruptionBudget and deletes the
 * pod gracefully). The UID precondition keeps a same-named successor from being evicted instead.
 */
export async function evictPod(core: CoreV1Api, apiVersion: string, pod: V1Pod): Promise<EvictOutcome> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const uid = pod.metadata?.uid;
  try {
    await core.createNamespacedPodEviction({
      name,
      namespace,
      body: {
        apiVersion,
        kind: 'Eviction',
        metadata: { name, namespace },
        ...(uid ? { deleteOptions: { preconditions: { uid } } } : {}),
      },
    });
    return { kind: 'evicted' };
  } catch (e) {
    const status = statusOf(e);
    if (status === 404 || status === 409) return { kind: 'gone' };
    if (status === 429) return { kind: 'blocked', message: messageOf(e) };
    throw new RunError(`evicting pod ${podKey(pod)} failed: ${messageOf(e)}`, { cause: e });
  }
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type Budget = KubernetesObject & {
  spec?: { selector?: LabelSelector | null };
  status?: {
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    observedGeneration?: number;
  };
};

/** Label selector semantics; an empty selector matches everything in policy/v1, nothing before. */
function selects(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string>,
  apiVersion: string,
): boolean {
  if (!selector) return false;
  const exprs = selector.matchExpressions ?? [];
  const wanted = Object.entries(selector.matchLabels ?? {});
  if (exprs.length === 0 && wanted.length === 0) return apiVersion === 'policy/v1';
  if (!wanted.every(([k, v]) => labels[k] === v)) return false;
  return exprs.every((x) => {
    const has = Object.hasOwn(labels, x.key);
    const value = labels[x.key] ?? '';
    switch (x.operator) {
      case 'In':
        return has && (x.values ?? []).includes(value);
      case 'NotIn':
        return !has || !(x.values ?? []).includes(value);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}

/**
 * The PodDisruptionBudgets whose selector matches the pod, each described by the numbers that
 * decide an eviction, e.g. `PodDisruptionBudget app/web: disruptionsAllowed 0, currentHealthy
 * 2/desiredHealthy 2`. PDBs are read in the Eviction's own version: every server that takes
 * Evictions in a version serves PodDisruptionBudgets in it too.
 */
export async function blockingBudgets(
  objects: KubernetesObjectApi,
  apiVersion: string,
  pod: V1Pod,
): Promise<string[]> {
  const namespace = pod.metadata?.namespace ?? '';
  const labels = pod.metadata?.labels ?? {};
  const list = await objects.list<Budget>(apiVersion, 'PodDisruptionBudget', namespace);
  return list.items
    .filter((b) => selects(b.spec?.selector, labels, apiVersion))
    .map((b) => {
      const s = b.status ?? {};
      const stale =
        (s.observedGeneration ?? 0) < (b.metadata?.generation ?? 0)
          ? ` (status not yet updated for generation ${b.metadata?.generation ?? 0})`
          : '';
      return (
        `PodDisruptionBudget ${namespace}/${b.metadata?.name ?? '?'}: ` +
        `disruptionsAllowed ${s.disruptionsAllowed ?? 0}, ` +
        `currentHealthy ${s.currentHealthy ?? 0}/desiredHealthy ${s.desiredHealthy ?? 0}${stale}`
      );
    });
}
