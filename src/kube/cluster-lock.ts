/**
 * The cluster's run lock: a Lease `kube-system/rigger-run-lock`, the cluster-side twin of the
 * run lock on hosts. A run that changes the cluster takes it, renews it while it works and drops
 * it at the end; another run is refused, naming the holder, unless the holder stopped renewing
 * (a crashed run) or `--force-unlock` is given. Dry runs and drift take no lock.
 */
import { CoordinationV1Api, V1MicroTime, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { statusOf } from './object-ref.ts';

const NAMESPACE = 'kube-system';
const NAME = 'rigger-run-lock';

export interface ClusterLock {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** Who holds the lock, as it is written into the Lease. */
export interface ClusterLockOwner {
  runId: string;
  owner: string;
  command: string;
}

const holderOf = (o: ClusterLockOwner): string => `run ${o.runId} of ${o.owner} (${o.command})`;

export async function acquireClusterLock(
  kc: KubeConfig,
  owner: ClusterLockOwner,
  opts: { staleSeconds: number; force: boolean; warn: (message: string) => void },
): Promise<ClusterLock> {
  const api = kc.makeApiClient(CoordinationV1Api);
  const holder = holderOf(owner);
  const now = (): V1MicroTime => new V1MicroTime(Date.now());
  const fresh = (): V1Lease => ({
    metadata: { name: NAME, namespace: NAMESPACE, labels: { 'app.kubernetes.io/managed-by': 'rigger' } },
    spec: {
      holderIdentity: holder,
      leaseDurationSeconds: opts.staleSeconds,
      acquireTime: now(),
      renewTime: now(),
    },
  });

  let lease: V1Lease;
  try {
    lease = await api.createNamespacedLease({ namespace: NAMESPACE, body: fresh() });
  } catch (e) {
    if (statusOf(e) !== 409) throw e;
    const held = await api.readNamespacedLease({ name: NAME, namespace: NAMESPACE });
    const renewed = held.spec?.renewTime ? new Date(held.spec.renewTime).getTime() : 0;
    const age = Math.round((Date.now() - renewed) / 1000);
    const other = held.spec?.holderIdentity ?? '?';
    if (age <= opts.staleSeconds && !opts.force)
      throw new RunError(
        `the cluster is locked by ${other} (lease ${NAMESPACE}/${NAME} renewed ${age}s ago); wait for it, or use --force-unlock if it is dead`,
      );
    opts.warn(`took over the cluster lock of ${other} (renewed ${age}s ago)`);
    // Replacing with the read resourceVersion: if another run took it meanwhile, this fails.
    const body = fresh();
    if (body.metadata && held.metadata?.resourceVersion)
      body.metadata.resourceVersion = held.metadata.resourceVersion;
    lease = await api.replaceNamespacedLease({ name: NAME, namespace: NAMESPACE, body });
  }

  return {
    renew: async () => {
      if (lease.spec) lease.spec.renewTime = now();
      lease = await api.replaceNamespacedLease({ name: NAME, namespace: NAMESPACE, body: lease });
    },
    release: async () => {
      try {
        await api.deleteNamespacedLease({
          name: NAME,
          namespace: NAMESPACE,
          body: { preconditions: { resourceVersion: lease.metadata?.resourceVersion } },
        });
      } catch (e) {
        // Gone, or taken over by another run: not ours to delete any more.
        if (statusOf(e) !== 404 && statusOf(e) !== 409) throw e;
      }
    },
  };
}
