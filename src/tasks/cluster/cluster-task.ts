import type { KubernetesObjectApi } from '@kubernetes/client-node';
import type { Secrets } from '../../inventory/secrets.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import type { ObjectDrift } from '../../kube/drift.ts';

/** What a cluster task knows: the inventory and the cluster's API. */
export interface ClusterContext {
  inventory: Inventory;
  secrets: Secrets;
  api: KubernetesObjectApi;
  /** Delete what rigger installed and the inventory no longer declares. */
  prune: boolean;
  /** How long one wait (a chart's job, a CRD, a release's workloads) may take. */
  timeoutMs: number;
}

/**
 * One change to the cluster: the cluster's counterpart of a host `Change`. A dry run prints
 * `summary` and `diff` of exactly what `apply` would do.
 */
export interface ClusterChange {
  summary: string;
  diff?: string;
  /** The object and fields concerned, for drift reports. */
  object?: ObjectDrift;
  /**
   * Reported but not applied by this run (something installed that the inventory no longer
   * declares, without --prune): a warning in provision, drift in `rigger drift`.
   */
  deferred?: boolean;
  apply(ctx: ClusterContext): Promise<void>;
}

/**
 * The task contract on the cluster, as on hosts: `plan` is the check (it reads the cluster and
 * may ask the API server for dry runs, never changes anything), the engine applies exactly those
 * changes, then plans again: a task whose re-check still finds changes has failed. Throw a
 * `TaskSkip` when the task does not apply (a disabled add-on with nothing installed).
 */
export interface ClusterTask {
  id: string;
  title: string;
  plan(ctx: ClusterContext): Promise<ClusterChange[]>;
}
