import { randomBytes } from 'node:crypto';
import PQueue from 'p-queue';
import { RunError } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import { HOST_PROBES, parseHostFacts, type HostFacts } from '../hosts/host-facts.ts';
import { composeProbes, Facts, gather, type Probe } from '../hosts/probe.ts';
import {
  acquireLockScript,
  heartbeatScript,
  parseLockState,
  readLockScript,
  releaseLockScript,
  type LockOwner,
} from '../hosts/run-lock.ts';
import type { Transport } from '../hosts/transport.ts';
import type { Secrets } from '../inventory/secrets.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { Rke2ClusterLink, type ClusterLink } from '../kube/cluster-link.ts';
import type { VerifiedArtifact } from '../tasks/rke2-artifacts.ts';
import { rke2Role } from '../tasks/rke2-layout.ts';
import { TaskSkip, type Fleet, type Task, type TaskContext } from '../tasks/task.ts';
import type { HostSummary, RunEvent, RunListener, RunSummary, TaskResult } from './events.ts';
import { CLUSTER_TARGET, runClusterPhase } from './cluster-phase.ts';
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
  lockOwner?: Omit<LockOwner, 'runId' | 'startedAt'>;
  /** Take over a lock even if its heartbeat is fresh. */
  forceUnlock?: boolean;
  /** A lock whose heartbeat is older than this is stale and taken over. */
  lockStaleSeconds?: number;
  heartbeatSeconds?: number;
  runId?: string;
  journalPath?: string;
  /** Air-gap artifacts verified on this machine before the run. */
  artifacts?: readonly VerifiedArtifact[];
  /** Asked once after facts are gathered: does an RKE2 supervisor answer at the registration address? */
  registrationAnswers?: () => Promise<boolean>;
  /** The cluster's API for readiness checks; by default read from a healthy server of this run. */
  cluster?: ClusterLink;
  /** Cluster phases delete what rigger installed and the inventory no longer declares. */
  prune?: boolean;
}

interface HostRun {
  host: Host;
  transport?: Transport;
  facts?: Facts;
  hostFacts?: HostFacts;
  /** Why the host stopped: later phases skip it. */
  stopped?: string;
  locked: boolean;
  results: TaskResult[];
}

/** A short random id naming a run in the lock, the journal file and the output. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Runs a playbook: connect, take the run lock and gather every fact in one exec per host, then
 * the phases in order (each a barrier), each host's tasks in order with check / apply / re-check.
 * A failing host stops only itself; the run goes on for the others and ends with exit 1.
 */
export async function runPlaybook(opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const runId = opts.runId ?? newRunId();
  const dryRun = opts.dryRun ?? false;
  const emit = (e: RunEvent): void => {
    // Redacted at the source, before any listener encodes it: every reporter and the journal.
    const shown = opts.redactor.redactValue(e);
    for (const l of opts.listeners) l(shown);
  };
  const phases = opts.playbook.phases.filter(
    (p) => (!opts.only || opts.only.includes(p.name)) && !opts.skip?.includes(p.name),
  );
  const hostPhases = phases.filter((p): p is HostPhase => p.target === 'hosts');
  const inScope = opts.inventory.hosts.filter(
    (h) => (!opts.limit || opts.limit.includes(h.name)) && hostPhases.some((p) => selects(p.hosts, h)),
  );
  const clusterResults: TaskResult[] = [];
  const runs = new Map<string, HostRun>(
    inScope.map((h) => [h.name, { host: h, locked: false, results: [] }]),
  );
  const queue = new PQueue({ concurrency: opts.parallel ?? opts.inventory.ssh.parallel });
  const forEachHost = async (hosts: HostRun[], fn: (r: HostRun) => Promise<void>): Promise<void> => {
    await Promise.all(hosts.map((r) => queue.add(() => fn(r))));
  };

  emit({ type: 'run-start', runId, playbook: opts.playbook.name, dryRun, hosts: inScope.map((h) => h.name) });
  let heartbeat: NodeJS.Timeout | undefined;
  // Servers outside this run (--limit) are connected only if a readiness check needs the API, and
  // only to read their kubeconfig.
  const extra = new Map<string, Promise<Transport>>();
  try {
    // Connect, lock and gather: one exec per host.
    const owner: LockOwner = {
      runId,
      owner: opts.lockOwner?.owner ?? 'rigger',
      command: opts.lockOwner?.command ?? opts.playbook.name,
      startedAt: new Date(started).toISOString(),
    };
    await forEachHost([...runs.values()], async (r) => {
      try {
        r.transport = await opts.connect(r.host);
        const probes = allProbes(r.host, phases, opts.inventory);
        const lock = dryRun
          ? readLockScript()
          : acquireLockScript(owner, opts.lockStaleSeconds ?? 90, opts.forceUnlock ?? false);
        const raw = await gather(r.transport, probes, `${composeProbes([{ id: 'lock', script: lock }])}\n`);
        r.facts = new Facts(r.host.name, raw);
        r.hostFacts = parseHostFacts(r.facts);
        const lockState = parseLockState(raw.get('lock') ?? '');
        if (lockState.state === 'acquired' && !dryRun) r.locked = true;
        if (lockState.state === 'taken-over' && !dryRun) {
          r.locked = true;
          const prev = lockState.previous;
          emit({
            type: 'host',
            host: r.host.name,
            level: 'warning',
            message: `took over the run lock of run ${prev?.runId ?? '?'} by ${prev?.owner ?? '?'} (heartbeat ${lockState.ageSeconds}s old)`,
          });
        }
        if (lockState.state === 'held') {
          const h = lockState.holder;
          const msg = `locked by run ${h?.runId ?? '?'} of ${h?.owner ?? '?'} (${h?.command ?? '?'}, started ${h?.startedAt ?? '?'}, heartbeat ${lockState.ageSeconds}s ago)`;
          if (!dryRun) throw new RunError(`${msg}; wait for it, or use --force-unlock if it is dead`);
          emit({ type: 'host', host: r.host.name, level: 'warning', message: msg });
        }
        const osProblem = checkOs(r.host, r.hostFacts);
        if (osProblem) throw new RunError(osProblem);
      } catch (e) {
        r.stopped = message(e, opts.redactor);
        emit({ type: 'host', host: r.host.name, level: 'error', message: r.stopped });
        // Recorded as a failed step of its own, so the summary and the journal show the host failed.
        record(r, {
          host: r.host.name,
          phase: 'connect',
          task: 'facts',
          status: 'failed',
          changes: [],
          durationMs: 0,
          message: r.stopped,
        });
      }
    });

    const fleet: Fleet = {
      facts: new Map(
        [...runs.values()].flatMap((r) => (r.facts && !r.stopped ? [[r.host.name, r.facts] as const] : [])),
      ),
      registrationAnswers: (await opts.registrationAnswers?.().catch(() => false)) ?? false,
    };
    const cluster =
      opts.cluster ??
      new Rke2ClusterLink(() =>
        opts.inventory.hosts.flatMap((h) => {
          if (rke2Role(h) !== 'server') return [];
          const r = runs.get(h.name);
          if (r?.stopped) return [];
          const transport = r?.transport;
          return [
            {
              name: h.name,
              address: h.address,
              transport: (): Promise<Transport> => {
                if (transport) return Promise.resolve(transport);
                let t = extra.get(h.name);
                if (!t) {
                  t = opts.connect(h);
                  extra.set(h.name, t);
                }
                return t;
              },
            },
          ];
        }),
      );
    const shared = {
      inventory: opts.inventory,
      secrets: opts.secrets ?? new Map(),
      fleet,
      cluster,
      artifacts: opts.artifacts ?? [],
    };

    // A run that could not lock every host changes nothing: another run is working on them.
    const refused = [...runs.values()].filter((r) => r.stopped?.includes('locked by run'));
    if (refused.length > 0) {
      throw new RunError(
        `another run holds the lock on ${refused.map((r) => r.host.name).join(', ')}: ${refused[0]?.stopped ?? ''}`,
      );
    }

    // A run that can no longer prove it holds a host's lock stops there before its next change.
    const beat = async (r: HostRun): Promise<void> => {
      const seen = await r.transport
        ?.exec(heartbeatScript(runId))
        .then((x) => (x.code === 0 ? undefined : x.stdout.trim() || x.stderr.trim() || `exit ${x.code}`))
        // A connection that failed fails the host's next step by itself, with its own error.
        .catch(() => undefined);
      if (seen === undefined || r.stopped) return;
      r.stopped = `lost its run lock (${seen}); stopped before its next change`;
      emit({ type: 'host', host: r.host.name, level: 'error', message: r.stopped });
    };

    if (!dryRun) {
      heartbeat = setInterval(
        () => {
          for (const r of runs.values()) if (r.locked && !r.stopped) void beat(r);
        },
        (opts.heartbeatSeconds ?? 20) * 1000,
      );
      heartbeat.unref();
    }

    let halted: string | undefined;
    for (const phase of phases) {
      if (phase.target === 'cluster') {
        emit({ type: 'phase-start', phase: phase.name, hosts: [CLUSTER_TARGET] });
        const recordCluster = (r: TaskResult): void => {
          clusterResults.push(r);
          emit({ type: 'task', result: r });
        };
        const hostFailed = [...runs.values()].some((r) => r.results.some((x) => x.status === 'failed'));
        // With --limit the run is about those hosts; the cluster is left to a full run. After a
        // failed host phase, the cluster may not be ready for what comes next.
        const why = opts.limit
          ? 'cluster phases do not run with --limit'
          : hostFailed
            ? 'a host failed in an earlier phase'
            : undefined;
        if (why) {
          for (const task of phase.tasks)
            recordCluster({
              host: CLUSTER_TARGET,
              phase: phase.name,
              task: task.id,
              status: 'skipped',
              changes: [],
              durationMs: 0,
              message: why,
            });
        } else {
          await runClusterPhase(phase, {
            base: {
              inventory: opts.inventory,
              secrets: shared.secrets,
              prune: opts.prune ?? false,
              timeoutMs: opts.inventory.addons.timeoutSeconds * 1000,
            },
            link: cluster,
            lock: {
              owner: { runId, owner: owner.owner, command: owner.command },
              staleSeconds: opts.lockStaleSeconds ?? 90,
              heartbeatSeconds: opts.heartbeatSeconds ?? 20,
              force: opts.forceUnlock ?? false,
            },
            dryRun,
            redactor: opts.redactor,
            emit,
            record: recordCluster,
          });
        }
        emit({ type: 'phase-end', phase: phase.name });
        continue;
      }
      const hosts = [...runs.values()].filter((r) => selects(phase.hosts, r.host));
      if (halted) for (const r of hosts) r.stopped ??= halted;
      emit({ type: 'phase-start', phase: phase.name, hosts: hosts.map((r) => r.host.name) });
      const work = async (r: HostRun): Promise<void> => {
        for (const task of phase.tasks) {
          if (r.stopped) {
            record(r, {
              host: r.host.name,
              phase: phase.name,
              task: task.id,
              status: 'skipped',
              changes: [],
              durationMs: 0,
              message: `host stopped: ${r.stopped}`,
            });
            continue;
          }
          emit({
            type: 'task-start',
            host: r.host.name,
            phase: phase.name,
            task: task.id,
            title: task.title,
          });
          const result = await runTask(r, task, phase.name, shared, dryRun, opts.redactor);
          if (result.status === 'failed') r.stopped = `${task.id} failed in phase ${phase.name}`;
          record(r, result);
        }
      };
      if (phase.strategy === 'serial') {
        const failed = await runSerial(hosts, phase.name, work);
        // What follows a serial phase builds on it (agents join the servers): none of it starts
        // against hosts that failed there.
        if (failed) halted = `${failed} failed in the serial phase ${phase.name}: later phases do not start`;
      } else await forEachHost(hosts, work);
      emit({ type: 'phase-end', phase: phase.name });
    }
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    for (const t of extra.values()) void t.then((x) => x.close()).catch(() => undefined);
    await Promise.all(
      [...runs.values()].map(async (r) => {
        if (r.locked) await r.transport?.exec(releaseLockScript(runId)).catch(() => undefined);
        await r.transport?.close().catch(() => undefined);
      }),
    );
  }

  const hosts: HostSummary[] = [...runs.values()].map((r) => ({
    host: r.host.name,
    ok: r.results.filter((x) => x.status === 'ok').length,
    changed: r.results.filter((x) => x.status === 'changed').length,
    failed: r.results.filter((x) => x.status === 'failed').length,
    skipped: r.results.filter((x) => x.status === 'skipped').length,
    execs: r.transport?.execCount ?? 0,
  }));
  if (clusterResults.length > 0) {
    hosts.push({
      host: CLUSTER_TARGET,
      ok: clusterResults.filter((x) => x.status === 'ok').length,
      changed: clusterResults.filter((x) => x.status === 'changed').length,
      failed: clusterResults.filter((x) => x.status === 'failed').length,
      skipped: clusterResults.filter((x) => x.status === 'skipped').length,
      execs: 0,
    });
  }
  const summary: RunSummary = {
    runId,
    dryRun,
    hosts,
    failed: hosts.some((h) => h.failed > 0),
    durationMs: Date.now() - started,
    journal: opts.journalPath ?? '',
  };
  emit({ type: 'run-end', summary });
  return summary;

  function record(r: HostRun, result: TaskResult): void {
    r.results.push(result);
    emit({ type: 'task', result });
  }
}

/**
 * One host at a time, and none after one failed: a rolling change stops where it broke (a server
 * that did not join must not be followed by the next one). Returns the host that failed.
 */
async function runSerial(
  hosts: readonly HostRun[],
  phase: string,
  work: (r: HostRun) => Promise<void>,
): Promise<string | undefined> {
  let failed: string | undefined;
  for (const r of hosts) {
    if (failed && !r.stopped) r.stopped = `${failed} failed earlier in the serial phase ${phase}`;
    await work(r);
    if (!failed && r.results.some((x) => x.phase === phase && x.status === 'failed')) failed = r.host.name;
  }
  return failed;
}

/** Check, apply exactly the planned changes, re-check: the task contract. */
async function runTask(
  r: HostRun,
  task: Task,
  phase: string,
  shared: Omit<TaskContext, 'host' | 'facts' | 'hostFacts'>,
  dryRun: boolean,
  redactor: Redactor,
): Promise<TaskResult> {
  const { inventory } = shared;
  const t0 = Date.now();
  const base = { host: r.host.name, phase, task: task.id };
  const transport = r.transport;
  const hostFacts = r.hostFacts;
  if (!transport || !r.facts || !hostFacts) throw new Error('runTask before facts were gathered');
  const ctx: TaskContext = { ...shared, host: r.host, facts: r.facts, hostFacts };
  let planned: ReturnType<Task['plan']> = [];
  try {
    planned = task.plan(ctx);
    const changes = planned.map((c) => ({
      summary: redactor.redact(c.summary),
      ...(c.diff ? { diff: redactor.redact(c.diff) } : {}),
    }));
    if (planned.length === 0) return { ...base, status: 'ok', changes, durationMs: Date.now() - t0 };
    if (dryRun) return { ...base, status: 'changed', changes, durationMs: Date.now() - t0 };

    for (const change of planned) await change.apply(transport);

    // Re-check from fresh facts: only this task's probes, one exec.
    const probes = task.probes({ inventory, host: r.host });
    r.facts = r.facts.with(await gather(transport, probes));
    const left = task.plan({ ...ctx, facts: r.facts });
    if (left.length > 0) {
      return {
        ...base,
        status: 'failed',
        changes,
        durationMs: Date.now() - t0,
        message: redactor.redact(`still differs after apply: ${left.map((c) => c.summary).join('; ')}`),
      };
    }
    return { ...base, status: 'changed', changes, durationMs: Date.now() - t0 };
  } catch (e) {
    if (e instanceof TaskSkip) {
      return { ...base, status: 'skipped', changes: [], durationMs: Date.now() - t0, message: e.reason };
    }
    return {
      ...base,
      status: 'failed',
      changes: [],
      durationMs: Date.now() - t0,
      message: message(e, redactor),
    };
  }
}

function allProbes(host: Host, phases: Playbook['phases'], inventory: Inventory): Probe[] {
  const probes: Probe[] = [...HOST_PROBES];
  for (const phase of phases) {
    if (phase.target !== 'hosts' || !selects(phase.hosts, host)) continue;
    for (const task of phase.tasks) probes.push(...task.probes({ inventory, host }));
  }
  return probes;
}

function message(e: unknown, redactor: Redactor): string {
  return redactor.redact(e instanceof Error ? e.message : String(e));
}
