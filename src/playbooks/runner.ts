/**
 * A playbook as an Operation for the manager: its host phases as steps of each host's tasks, its
 * cluster phases as steps against the API. provision, plan and drift (and add-node's and
 * replace-node's joins) run this way.
 */
import { randomBytes } from 'node:crypto';
import { runOperation } from '../engine/manager.ts';
import type { HostRun } from '../engine/host-run.ts';
import type { Operation, PhaseSpec } from '../engine/operation.ts';
import type { Step, StepChange } from '../engine/step.ts';
import type { Redactor } from '../core/redact.ts';
import { HOST_PROBES, type HostFacts } from '../hosts/host-facts.ts';
import { gather, type Facts, type Probe } from '../hosts/probe.ts';
import type { Transport } from '../hosts/transport.ts';
import type { Secrets } from '../inventory/secrets.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { Rke2ClusterLink, type ClusterLink } from '../kube/cluster-link.ts';
import type { VerifiedArtifact } from '../tasks/rke2/rke2-artifacts.ts';
import { rke2Role } from '../tasks/rke2/rke2-layout.ts';
import type { Fleet, Task, TaskContext } from '../tasks/task.ts';
import { clusterPhaseSpec } from './cluster-phase.ts';
import type { RunListener, RunSummary } from '../engine/events.ts';
import { selects, type HostPhase, type Playbook } from './playbook.ts';
import { checkOs } from './preflight.ts';

export interface RunOptions {
  inventory: Inventory;
  /** Secrets resolved before any host is touched (see inventory/secrets.ts). */
  secrets?: Secrets;
  playbook: Playbook;
  /** Opens the connection to a host: the SSH transport in production, a fake in unit tests. */
  connect: (host: Host) => Promise<Transport>;
  redactor: Redactor;
  listeners: RunListener[];
  /** Plan only: gather facts, print every change, change nothing, take no lock. */
  dryRun?: boolean;
  /** Host names to run on (others untouched). */
  limit?: string[];
  /** Phase names to run (all when absent). */
  only?: string[];
  /** Phase names to leave out. */
  skip?: string[];
  /** Hosts worked on at once. */
  parallel?: number;
  lockOwner?: { owner: string; command: string };
  /** Take over a lock even if its heartbeat is fresh. */
  forceUnlock?: boolean;
  /** A lock whose heartbeat is older than this is stale and taken over. */
  lockStaleSeconds?: number;
  heartbeatSeconds?: number;
  runId?: string;
  /** Where the manager writes the run's journal (none when absent). */
  journalDir?: string;
  /** Air-gap artifacts verified on this machine before the run. */
  artifacts?: readonly VerifiedArtifact[];
  /** Asked once after facts are gathered: does an RKE2 supervisor answer at the registration address? */
  registrationAnswers?: () => Promise<boolean>;
  /** The cluster's API for readiness checks; by default read from a healthy server of this run. */
  cluster?: ClusterLink;
  /** Cluster phases delete what rigger installed and the inventory no longer declares. */
  prune?: boolean;
  /** The command's own refusals, once the run's hosts are open and locked (add-node's etcd check). */
  preflight?: Operation['preflight'];
}

/** A short random id naming a run in the lock, the journal file and the output. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Runs a playbook through the manager: every fact in one exec per host, then the phases in order
 * (each a barrier), each host's tasks in order with check / apply / re-check. A failing host
 * stops only itself; the run goes on for the others and ends failed.
 */
export async function runPlaybook(opts: RunOptions): Promise<RunSummary> {
  const phases = opts.playbook.phases.filter(
    (p) => (!opts.only || opts.only.includes(p.name)) && !opts.skip?.includes(p.name),
  );
  const hostPhases = phases.filter((p): p is HostPhase => p.target === 'hosts');
  const hosts = opts.inventory.hosts.filter(
    (h) => (!opts.limit || opts.limit.includes(h.name)) && hostPhases.some((p) => selects(p.hosts, h)),
  );
  const inScope = new Set(hosts.map((h) => h.name));
  // Servers outside this run (--limit) are connected only if a readiness check needs the API, and
  // only to read their kubeconfig.
  const extra = new Map<string, Promise<Transport>>();
  let shared: Omit<TaskContext, 'host' | 'facts' | 'hostFacts'> | undefined;
  const op: Operation = {
    name: opts.playbook.name,
    hosts,
    probes: (host) => allProbes(host, hostPhases, opts.inventory),
    hostProblem: (r) => (r.hostFacts ? checkOs(r.host, r.hostFacts) : undefined),
    cluster: (runs) => opts.cluster ?? serversLink(opts, runs, extra),
    preflight: async (runs, open) => {
      await opts.preflight?.(runs, open);
      shared = await sharedContext(opts, runs, op.cluster(runs), inScope);
    },
    phases: phases.map((p): PhaseSpec => {
      if (p.target === 'cluster')
        return clusterPhaseSpec(p, clusterBase(opts), (runs) =>
          opts.limit
            ? 'cluster phases do not run with --limit'
            : runs.some((r) => r.results.some((x) => x.status === 'failed'))
              ? 'a host failed in an earlier phase'
              : undefined,
        );
      return {
        kind: 'hosts',
        name: p.name,
        strategy: p.strategy,
        // Hosts a preflight only read are never worked on.
        selects: (h) => inScope.has(h.name) && selects(p.hosts, h),
        steps: (run) => p.tasks.map((t) => taskStep(t, run, shared as NonNullable<typeof shared>)),
      };
    }),
  };
  try {
    return await runOperation(op, {
      connect: opts.connect,
      redactor: opts.redactor,
      listeners: opts.listeners,
      runId: opts.runId ?? newRunId(),
      dryRun: opts.dryRun ?? false,
      takeLocks: !(opts.dryRun ?? false),
      ...(opts.journalDir ? { journalDir: opts.journalDir } : {}),
      lockOwner: opts.lockOwner ?? { owner: 'rigger', command: opts.playbook.name },
      forceUnlock: opts.forceUnlock ?? false,
      lockStaleSeconds: opts.lockStaleSeconds ?? 90,
      heartbeatSeconds: opts.heartbeatSeconds ?? 20,
      parallel: opts.parallel ?? opts.inventory.ssh.parallel,
    });
  } finally {
    for (const t of extra.values()) void t.then((x) => x.close()).catch(() => undefined);
  }
}

function clusterBase(opts: RunOptions) {
  return {
    inventory: opts.inventory,
    secrets: opts.secrets ?? new Map(),
    prune: opts.prune ?? false,
    timeoutMs: opts.inventory.addons.timeoutSeconds * 1000,
  };
}

async function sharedContext(
  opts: RunOptions,
  runs: ReadonlyMap<string, HostRun>,
  cluster: ClusterLink,
  inScope: ReadonlySet<string>,
): Promise<Omit<TaskContext, 'host' | 'facts' | 'hostFacts'>> {
  const fleet: Fleet = {
    facts: new Map(
      [...runs.values()].flatMap((r) =>
        r.facts && !r.stopped && inScope.has(r.name) ? [[r.name, r.facts] as const] : [],
      ),
    ),
    registrationAnswers: (await opts.registrationAnswers?.().catch(() => false)) ?? false,
  };
  return {
    inventory: opts.inventory,
    secrets: opts.secrets ?? new Map(),
    fleet,
    cluster,
    artifacts: opts.artifacts ?? [],
  };
}

/** The API through the first healthy server: one of this run's, else one outside it (--limit). */
function serversLink(
  opts: RunOptions,
  runs: ReadonlyMap<string, HostRun>,
  extra: Map<string, Promise<Transport>>,
): ClusterLink {
  return new Rke2ClusterLink(() =>
    opts.inventory.hosts.flatMap((h) => {
      if (rke2Role(h) !== 'server') return [];
      const r = runs.get(h.name);
      if (r?.stopped) return [];
      const transport = (): Promise<Transport> => {
        if (r?.transport) return Promise.resolve(r.transport);
        let t = extra.get(h.name);
        if (!t) extra.set(h.name, (t = opts.connect(h)));
        return t;
      };
      return [{ name: h.name, address: h.address, transport }];
    }),
  );
}

/** A host task as a step: `plan` from the gathered facts; the re-check gathers its probes again. */
function taskStep(task: Task, run: HostRun, shared: Omit<TaskContext, 'host' | 'facts' | 'hostFacts'>): Step {
  // Read when the step runs: a host that never opened is stopped, and its steps never run.
  const opened = (): { transport: Transport; facts: Facts; hostFacts: HostFacts } => {
    const { transport, facts, hostFacts } = run;
    if (!transport || !facts || !hostFacts) throw new Error(`${task.id} ran before ${run.name} was open`);
    return { transport, facts, hostFacts };
  };
  const check = (): Promise<StepChange[]> =>
    Promise.resolve().then(() => {
      const { transport, facts, hostFacts } = opened();
      return task
        .plan({ ...shared, host: run.host, facts, hostFacts })
        .map((c) => ({ ...c, apply: () => c.apply(transport) }));
    });
  return {
    id: task.id,
    title: task.title,
    check,
    recheck: async () => {
      // Re-check from fresh facts: only this task's probes, one exec.
      const { transport, facts } = opened();
      run.facts = facts.with(
        await gather(transport, task.probes({ inventory: shared.inventory, host: run.host })),
      );
      return check();
    },
  };
}

function allProbes(host: Host, phases: readonly HostPhase[], inventory: Inventory): Probe[] {
  const probes: Probe[] = [...HOST_PROBES];
  for (const phase of phases) {
    if (!selects(phase.hosts, host)) continue;
    for (const task of phase.tasks) probes.push(...task.probes({ inventory, host }));
  }
  return probes;
}
