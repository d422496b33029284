import type { KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';

type Workload = KubernetesObject & {
  spec?: { replicas?: number };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    desiredNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    observedGeneration?: number;
  };
};

const KINDS = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
] as const;

/** Why a workload is not ready yet, or undefined when it is. */
export function notReady(w: Workload): string | undefined {
  const s = w.status ?? {};
  const name = `${w.kind ?? '?'}/${w.metadata?.namespace ?? ''}/${w.metadata?.name ?? '?'}`;
  if (s.observedGeneration !== undefined && s.observedGeneration < (w.metadata?.generation ?? 0))
    return `${name}: the controller has not seen generation ${w.metadata?.generation ?? 0} yet`;
  if (w.kind === 'DaemonSet') {
    const want = s.desiredNumberScheduled ?? 0;
    if ((s.numberReady ?? 0) < want || (s.updatedNumberScheduled ?? 0) < want)
      return `${name}: ${s.numberReady ?? 0}/${want} ready, ${s.updatedNumberScheduled ?? 0} updated`;
    return undefined;
  }
  const want = w.spec?.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < want || (s.updatedReplicas ?? 0) < want)
    return `${name}: ${s.readyReplicas ?? 0}/${want} ready, ${s.updatedReplicas ?? 0} updated`;
  return undefined;
}

/**
 * Waits for the Deployments, StatefulSets and DaemonSets of a Helm release (label
 * `app.kubernetes.io/instance=<release>`) to be ready, where there are any.
 */
export async function waitForRelease(
  api: KubernetesObjectApi,
  namespace: string,
  release: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting: string[] = [];
    for (const k of KINDS) {
      const list = await api.list<Workload>(
        k.apiVersion,
        k.kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        `app.kubernetes.io/instance=${release}`,
      );
      for (const w of list.items) {
        const why = notReady({ ...w, kind: k.kind });
        if (why) waiting.push(why);
      }
    }
    if (waiting.length === 0) return;
    if (Date.now() > deadline)
      throw new RunError(
        `release ${release} in ${namespace} not ready after ${Math.round(timeoutMs / 1000)} s: ${waiting.join('; ')}`,
      );
    await new Promise((r) => setTimeout(r, 2000));
  }
}
