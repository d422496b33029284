/**
 * What RKE2's helm-controller shows of a HelmChart's install: `status.jobName` names the Job
 * (`helm-install-<chart>` in the chart's namespace), the `Failed` condition is set when the job
 * failed under `failurePolicy: abort`, and the Job itself succeeds or fails.
 */
import type { KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { objectRef, statusOf } from './object-ref.ts';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
type HelmChartLive = KubernetesObject & {
  spec?: { targetNamespace?: string };
  status?: { jobName?: string; conditions?: Condition[] };
};
type JobLive = KubernetesObject & {
  status?: { active?: number; succeeded?: number; failed?: number; conditions?: Condition[] };
};

/** Where a chart's install stands now. */
export interface ChartState {
  /** The Job's uid, when there is one. */
  jobUid?: string;
  state: 'succeeded' | 'failed' | 'running' | 'no-job';
  /** What was seen, for errors and plans. */
  seen: string;
}

async function readOrUndefined<T extends KubernetesObject>(
  api: KubernetesObjectApi,
  o: { apiVersion: string; kind: string; metadata: { name: string; namespace: string } },
): Promise<T | undefined> {
  try {
    return await api.read<T>(o);
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

export async function chartState(
  api: KubernetesObjectApi,
  chart: { name: string; namespace: string },
): Promise<ChartState> {
  const live = await readOrUndefined<HelmChartLive>(api, {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: chart,
  });
  if (!live) return { state: 'no-job', seen: 'the HelmChart does not exist' };
  const failed = live.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  const jobName = live.status?.jobName ?? `helm-install-${chart.name}`;
  const job = await readOrUndefined<JobLive>(api, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName, namespace: chart.namespace },
  });
  const uid = job?.metadata?.uid;
  const withUid = uid ? { jobUid: uid } : {};
  if (failed)
    return {
      ...withUid,
      state: 'failed',
      seen: `HelmChart condition Failed: ${failed.message ?? failed.reason ?? ''}`,
    };
  if (!job)
    return {
      state: 'no-job',
      seen: live.status?.jobName
        ? `job ${jobName} named in its status does not exist`
        : 'no install job yet (is the helm-controller running?)',
    };
  const s = job.status ?? {};
  const jobFailed = s.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  if (jobFailed)
    return {
      ...withUid,
      state: 'failed',
      seen: `job ${jobName} failed: ${jobFailed.message ?? jobFailed.reason ?? ''}`,
    };
  if ((s.succeeded ?? 0) > 0) return { ...withUid, state: 'succeeded', seen: `job ${jobName} succeeded` };
  const failing = uid ? await failingAttempts(api, chart.namespace, jobName, uid) : undefined;
  if (failing) return { ...withUid, state: 'failed', seen: failing };
  return {
    ...withUid,
    state: 'running',
    seen: `job ${jobName}: ${s.active ?? 0} active, ${s.failed ?? 0} failed attempt(s)`,
  };
}

type PodLive = KubernetesObject & {
  status?: {
    containerStatuses?: {
      name: string;
      restartCount?: number;
      state?: { waiting?: { reason?: string } };
      lastState?: { terminated?: { exitCode?: number; reason?: string } };
    }[];
  };
};

/** Attempts of the same install that failed before rigger calls it failing: the first retry is at once. */
const FAILED_ATTEMPTS = 2;

/**
 * The helm-controller's Job retries a failing install up to its backoffLimit (1000) in the same
 * Pod, so the Job's Failed condition comes only after days. A Pod whose helm container already
 * failed twice is a failing install now: said with what the kubelet shows and where helm's own
 * message is (the container's log).
 */
async function failingAttempts(
  api: KubernetesObjectApi,
  namespace: string,
  job: string,
  jobUid: string,
): Promise<string | undefined> {
  // The Job controller labels its Pods with the Job's uid: a replaced Job's Pods are not this one's.
  const pods = await api.list<PodLive>(
    'v1',
    'Pod',
    namespace,
    undefined,
    undefined,
    undefined,
    undefined,
    `controller-uid=${jobUid}`,
  );
  for (const pod of pods.items) {
    for (const c of pod.status?.containerStatuses ?? []) {
      const last = c.lastState?.terminated;
      if ((c.restartCount ?? 0) < FAILED_ATTEMPTS - 1 || !last || last.exitCode === 0) continue;
      const name = pod.metadata?.name ?? '?';
      return (
        `job ${job} is failing: pod ${name} container ${c.name} exited ${last.exitCode ?? '?'} ` +
        `(${c.state?.waiting?.reason ?? last.reason ?? 'Error'}, ${(c.restartCount ?? 0) + 1} attempts); ` +
        `helm's message: kubectl -n ${namespace} logs ${name} -c ${c.name} --previous`
      );
    }
  }
  return undefined;
}

/**
 * Waits for a chart's install job to succeed. After a change, the job must be a new one (the
 * helm-controller replaces it when the chart's config changes): `notJobUid` is the old job's uid.
 */
export async function waitForChart(
  api: KubernetesObjectApi,
  chart: KubernetesObject,
  opts: { notJobUid?: string; timeoutMs: number; pollMs?: number },
): Promise<void> {
  const ref = objectRef(chart);
  const id = { name: chart.metadata?.name ?? '', namespace: chart.metadata?.namespace ?? 'kube-system' };
  const deadline = Date.now() + opts.timeoutMs;
  let last: ChartState;
  for (;;) {
    last = await chartState(api, id);
    const fresh = opts.notJobUid === undefined || last.jobUid !== opts.notJobUid;
    if (fresh && last.state === 'succeeded') return;
    if (fresh && last.state === 'failed')
      throw new RunError(`${ref}: the chart's install failed: ${last.seen}`);
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
  }
  const stale =
    opts.notJobUid !== undefined && last.jobUid === opts.notJobUid
      ? ' (still the job from before the change)'
      : '';
  throw new RunError(
    `${ref}: not installed after ${Math.round(opts.timeoutMs / 1000)} s; last seen: ${last.seen}${stale}`,
  );
}
