import { KubernetesObjectApi } from '@kubernetes/client-node';
import type { Redactor } from '../core/redact.ts';
import type { ClusterLink } from '../kube/cluster-link.ts';
import { acquireClusterLock, type ClusterLock, type ClusterLockOwner } from '../kube/cluster-lock.ts';
import { messageOf } from '../kube/object-ref.ts';
import type { ClusterChange, ClusterContext, ClusterTask } from '../tasks/cluster-task.ts';
import { TaskSkip } from '../tasks/task.ts';
import type { ChangeRecord, RunEvent, TaskResult } from './events.ts';
import type { ClusterPhase } from './playbook.ts';

/** The name cluster tasks report under, where host tasks report their host's name. */
export const CLUSTER_TARGET = 'cluster';

export interface ClusterPhaseOptions {
  base: Omit<ClusterContext, 'api'>;
  /** Who takes the cluster's run lock (not taken in dry runs). */
  lock?: { owner: ClusterLockOwner; staleSeconds: number; heartbeatSeconds: number; force: boolean };
  link: ClusterLink;
  dryRun: boolean;
  redactor: Redactor;
  emit: (e: RunEvent) => void;
  record: (r: TaskResult) => void;
}

/**
 * Runs a cluster phase: each task once, in order, with check / apply / re-check against the API;
 * the phase stops at the first failed task (the add-ons after it depend on it: the CNI first).
 */
export async function runClusterPhase(phase: ClusterPhase, opts: ClusterPhaseOptions): Promise<boolean> {
  let stopped: string | undefined;
  let ctx: ClusterContext | undefined;
  let lock: ClusterLock | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    return await runTasks();
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    await lock?.release().catch(() => undefined);
  }

  async function connect(): Promise<ClusterContext> {
    const kc = await opts.link.kubeConfig();
    if (opts.lock && !opts.dryRun) {
      const l = opts.lock;
      lock = await acquireClusterLock(kc, l.owner, {
        staleSeconds: l.staleSeconds,
        force: l.force,
        warn: (message) => opts.emit({ type: 'host', host: CLUSTER_TARGET, level: 'warning', message }),
      });
      const held = lock;
      heartbeat = setInterval(() => void held.renew().catch(() => undefined), l.heartbeatSeconds * 1000);
      heartbeat.unref();
    }
    return { ...opts.base, api: KubernetesObjectApi.makeApiClient(kc) };
  }

  async function runTasks(): Promise<boolean> {
    for (const task of phase.tasks) {
      const base = { host: CLUSTER_TARGET, phase: phase.name, task: task.id };
      if (stopped) {
        opts.record({ ...base, status: 'skipped', changes: [], durationMs: 0, message: stopped });
        continue;
      }
      opts.emit({
        type: 'task-start',
        host: CLUSTER_TARGET,
        phase: phase.name,
        task: task.id,
        title: task.title,
      });
      const t0 = Date.now();
      try {
        ctx ??= await connect();
        const result = await runClusterTask(task, ctx, opts);
        opts.record({ ...base, ...result, durationMs: Date.now() - t0 });
        if (result.status === 'failed') stopped = `${task.id} failed earlier in the phase ${phase.name}`;
      } catch (e) {
        const message = opts.redactor.redact(e instanceof Error ? messageOf(e) : String(e));
        opts.record({ ...base, status: 'failed', changes: [], durationMs: Date.now() - t0, message });
        stopped = `${task.id} failed earlier in the phase ${phase.name}`;
      }
    }
    return stopped === undefined;
  }
}

type Outcome = Pick<TaskResult, 'status' | 'changes' | 'message'>;

async function runClusterTask(
  task: ClusterTask,
  ctx: ClusterContext,
  opts: ClusterPhaseOptions,
): Promise<Outcome> {
  const show = (c: ClusterChange): ChangeRecord => ({
    summary: opts.redactor.redact(c.summary),
    ...(c.diff ? { diff: opts.redactor.redact(c.diff) } : {}),
    ...(c.object ? { object: c.object } : {}),
    ...(c.deferred ? { deferred: true } : {}),
  });
  let planned: ClusterChange[];
  try {
    planned = await task.plan(ctx);
  } catch (e) {
    if (e instanceof TaskSkip) return { status: 'skipped', changes: [], message: e.reason };
    throw e;
  }
  const changes = planned.map(show);
  if (planned.length === 0) return { status: 'ok', changes };
  if (opts.dryRun) return { status: 'changed', changes };

  const deferred = planned.filter((c) => c.deferred);
  for (const c of deferred)
    opts.emit({
      type: 'host',
      host: CLUSTER_TARGET,
      level: 'warning',
      message: opts.redactor.redact(c.summary),
    });
  const toApply = planned.filter((c) => !c.deferred);
  if (toApply.length === 0) return { status: 'ok', changes };
  for (const c of toApply) await c.apply(ctx);

  // After a prune, a disabled add-on has nothing left: its re-check skips, which is success.
  const again = await task.plan(ctx).catch((e: unknown) => {
    if (e instanceof TaskSkip) return [];
    throw e;
  });
  const left = again.filter((c) => !c.deferred);
  if (left.length > 0) {
    return {
      status: 'failed',
      changes,
      message: opts.redactor.redact(`still differs after apply: ${left.map((c) => c.summary).join('; ')}`),
    };
  }
  return { status: 'changed', changes };
}
