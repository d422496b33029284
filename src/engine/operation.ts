/**
 * What a command hands the manager: the hosts it works on and its phases. provision, plan, drift,
 * add-node, remove-node and replace-node are each an Operation; none has a loop of its own.
 */
import type { Probe } from '../hosts/probe.ts';
import type { Host } from '../inventory/types.generated.ts';
import type { ClusterLink } from '../kube/cluster-link.ts';
import type { ClusterSession } from './cluster-session.ts';
import type { HostRun } from './host-run.ts';
import type { Step } from './step.ts';
import type { Strategy } from './strategy.ts';

/** Steps on each selected host over SSH, walked by a strategy. */
export interface HostPhaseSpec {
  kind: 'hosts';
  name: string;
  strategy: Strategy;
  selects(host: Host): boolean;
  /** The host's steps, in order; a failed step stops the host. */
  steps(run: HostRun): Step[];
}

/** Steps in order on one target, through the cluster's API (and hosts' connections); stops at the first failure. */
export interface TargetPhaseSpec {
  kind: 'target';
  name: string;
  /** Reported under this name: `cluster`, or the node a removal works on. */
  target: string;
  /** Changes the cluster: the manager takes the cluster's Lease before its first step. */
  lease: boolean;
  /** Why the phase does not run in this operation (--limit, a host failed earlier). */
  skipWhy?(runs: readonly HostRun[]): string | undefined;
  /** The phase's steps; `note` tells the operator (and the journal) what a step found on its way. */
  steps(cluster: ClusterSession, note: (line: string) => void): Step[];
  /** Turns a thrown error into the message shown (the API's own message for Kubernetes errors). */
  describe?(e: unknown): string;
}

export type PhaseSpec = HostPhaseSpec | TargetPhaseSpec;

/** Opens one more host during preflight: connection, lock (unless read only) and facts. */
export type OpenHost = (host: Host, opts?: { readOnly?: boolean }) => Promise<HostRun>;

export interface Operation {
  /** The command or playbook, as the journal and output name it. */
  name: string;
  /** Every host the operation connects to, locks (when it changes anything) and gathers facts on. */
  hosts: readonly Host[];
  /** A host the operation can do without when it does not answer (a dead node being removed). */
  optional?(host: Host): boolean;
  /** Everything the operation's steps decide from on this host: gathered in one exec. */
  probes(host: Host): Probe[];
  /** Why a host that answered cannot be worked on (an unsupported OS): it stops there. */
  hostProblem?(run: HostRun): string | undefined;
  /**
   * Once every host is open and locked, before any phase: refusals throw and change nothing.
   * `open` opens (and locks) a host found only now, such as a node known from its Node object;
   * `readOnly` opens one the operation only reads (another server asked for its etcd members),
   * reading its lock without taking it.
   */
  preflight?(runs: ReadonlyMap<string, HostRun>, open: OpenHost): Promise<void>;
  phases: readonly PhaseSpec[];
  /** The cluster's API for target phases and readiness checks, from the opened hosts. */
  cluster(runs: ReadonlyMap<string, HostRun>): ClusterLink;
}
