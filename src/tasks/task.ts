import type { HostFacts } from '../hosts/host-facts.ts';
import type { Facts, Probe } from '../hosts/probe.ts';
import type { Secrets } from '../inventory/secrets.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import type { ClusterLink } from '../kube/cluster-link.ts';
import type { Change } from './change.ts';
import type { VerifiedArtifact } from './rke2/rke2-artifacts.ts';

/** What the run saw of every host and of the cluster when it started: the same for every task. */
export interface Fleet {
  /** Facts of each host the run reached, by name. */
  facts: ReadonlyMap<string, Facts>;
  /** Whether an RKE2 supervisor answered at the registration address. */
  registrationAnswers: boolean;
}

/** What a task knows when it decides: the inventory, its host, and that host's facts. */
export interface TaskContext {
  inventory: Inventory;
  /** Secret values by inventory path (`cluster.token`); already registered for redaction. */
  secrets: Secrets;
  host: Host;
  facts: Facts;
  hostFacts: HostFacts;
  fleet: Fleet;
  /** The cluster's API, reached through a healthy server: for readiness checks in `apply`. */
  cluster: ClusterLink;
  /** Air-gap artifacts verified on this machine before the run (empty for online installs). */
  artifacts: readonly VerifiedArtifact[];
}

/** What a task knows before facts exist: enough to name the probes it needs. */
export type ProbeContext = Pick<TaskContext, 'inventory' | 'host'>;

/**
 * The task contract. The engine gathers every task's probes in one exec per host, asks `plan`
 * what differs (a pure read of facts: the check), applies exactly those changes, gathers the
 * task's probes again and asks `plan` once more: a task whose re-check still differs has failed.
 */
export interface Task {
  /** Name used in playbooks, e.g. `sysctls`. */
  id: string;
  /** Shown to people, e.g. `Kernel parameters`. */
  title: string;
  /** The facts this task decides from. */
  probes(ctx: ProbeContext): Probe[];
  /**
   * The check: the changes that would bring the host to the inventory's state; empty when it is
   * there. Must not touch the host. Throw a `TaskSkip` when the task does not apply to this host.
   */
  plan(ctx: TaskContext): Change[];
}

/**
 * Thrown by `plan` when a task cannot or need not run on a host (a Flatcar host has no apt), with
 * the reason shown to the operator. `unsupported` means the host lacks something real hosts have:
 * reported as a warning, not a failure, when the host's facts prove it (e.g. no `rbd` module).
 */
export class TaskSkip extends Error {
  override readonly name = 'TaskSkip';
  constructor(
    readonly reason: string,
    readonly unsupported = false,
  ) {
    super(reason);
  }
}
