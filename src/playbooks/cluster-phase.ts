import { KubernetesObjectApi } from '@kubernetes/client-node';
import type { ClusterSession } from '../engine/cluster-session.ts';
import type { HostRun } from '../engine/host-run.ts';
import type { TargetPhaseSpec } from '../engine/operation.ts';
import type { Step } from '../engine/step.ts';
import { messageOf } from '../kube/object-ref.ts';
import type { ClusterContext, ClusterTask } from '../tasks/cluster/cluster-task.ts';
import type { ClusterPhase } from './playbook.ts';

/** The name cluster tasks report under, where host tasks report their host's name. */
export const CLUSTER_TARGET = 'cluster';

/**
 * A playbook's cluster phase as the manager runs it: each task once, in order, as a step against
 * the cluster's API (the API reached once for the phase); it stops at the first failed task (the
 * add-ons after it depend on it: the CNI first), and it changes the cluster, so the manager takes
 * the cluster's Lease first.
 */
export function clusterPhaseSpec(
  phase: ClusterPhase,
  base: Omit<ClusterContext, 'api'>,
  skipWhy?: (runs: readonly HostRun[]) => string | undefined,
): TargetPhaseSpec {
  return {
    kind: 'target',
    name: phase.name,
    target: CLUSTER_TARGET,
    lease: true,
    ...(skipWhy ? { skipWhy } : {}),
    describe: messageOf,
    steps: (cluster) => {
      let ctx: Promise<ClusterContext> | undefined;
      const context = (): Promise<ClusterContext> =>
        (ctx ??= apiOf(cluster).then((api) => ({ ...base, api })));
      return phase.tasks.map((task) => clusterStep(task, context));
    },
  };
}

async function apiOf(cluster: ClusterSession): Promise<KubernetesObjectApi> {
  return KubernetesObjectApi.makeApiClient(await cluster.kubeConfig());
}

/** A cluster task as a step: its plan is the check; its changes apply against the same API. */
export function clusterStep(task: ClusterTask, context: () => Promise<ClusterContext>): Step {
  return {
    id: task.id,
    title: task.title,
    check: async () => {
      const ctx = await context();
      return (await task.plan(ctx)).map((c) => ({ ...c, apply: () => c.apply(ctx) }));
    },
  };
}
