/**
 * The phase manager (k0sctl's phase.Manager): it opens the operation's hosts (connection, run
 * lock and facts in one exec each), runs the phases in order, each step through the one
 * check / apply / re-check helper, takes the cluster's Lease before a phase that changes the
 * cluster, keeps proving it holds every lock, writes the journal, drives the reporters, and
 * releases everything on any exit. Every command is an Operation handed to `runOperation`.
 */
import PQueue from 'p-queue';
import { RunError } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import type { Host } from '../inventory/types.generated.ts';
import { messageOf } from '../kube/object-ref.ts';
import type { RunEvent, RunListener, RunSummary, TaskResult } from './events.ts';
import { Journal } from './journal.ts';
import type { Transport } from '../hosts/transport.ts';
import { ClusterSession } from './cluster-session.ts';
import { HostRun, type HostLocking } from './host-run.ts';
import type { HostPhaseSpec, Operation, TargetPhaseSpec } from './operation.ts';
import { runStep, skippedResult } from './step.ts';
import { walk } from './strategy.ts';
import { summarize } from './summary.ts';

export interface ManagerOptions {
  connect: (host: Host) => Promise<Transport>;
  redactor: Redactor;
  listeners: RunListener[];
  runId: string;
  /** Plan only: every check, no change, no lock taken (locks held by others are reported). */
  dryRun: boolean;
  /** Take the host locks and the cluster's Lease: every changing run; never dry runs or drift. */
  takeLocks: boolean;
  /** Where the journal goes (`.rigger/runs`); none when absent (unit tests). */
  journalDir?: string;
  lockOwner: { owner: string; command: string };
  forceUnlock?: boolean;
  lockStaleSeconds?: number;
  heartbeatSeconds?: number;
  /** Hosts worked on at once. */
  parallel: number;
}

/** What one running operation holds; released in `finally` whatever happens. */
interface Held {
  runs: Map<string, HostRun>;
  targets: TaskResult[];
  cluster?: ClusterSession;
  heartbeat?: NodeJS.Timeout;
  halted?: string;
}

export async function runOperation(op: Operation, opts: ManagerOptions): Promise<RunSummary> {
  const started = Date.now();
  const journal = opts.journalDir ? new Journal(opts.journalDir, opts.runId, opts.redactor) : undefined;
  const listeners = journal ? [...opts.listeners, (e: RunEvent) => journal.record(e)] : opts.listeners;
  const emit = (e: RunEvent): void => {
    // Redacted at the source, before any listener encodes it: every reporter and the journal.
    const shown = opts.redactor.redactValue(e);
    for (const l of listeners) l(shown);
  };
  const held: Held = { runs: new Map(op.hosts.map((h) => [h.name, new HostRun(h)])), targets: [] };
  const hostNames = op.hosts.map((h) => h.name);
  emit({ type: 'run-start', runId: opts.runId, playbook: op.name, dryRun: opts.dryRun, hosts: hostNames });
  let failure: Error | undefined;
  try {
    const opening = await openHosts(op, opts, held, emit);
    await op.preflight?.(held.runs, async (h, how) => {
      const r = held.runs.get(h.name) ?? new HostRun(h);
      held.runs.set(h.name, r);
      const readOnly = { ...opening, locking: { ...opening.locking, take: false } };
      // A host only read may be down: what the operation reads from it says so itself.
      if (!r.transport && !r.unreachable)
        await (how?.readOnly
          ? openOne(r, { ...op, optional: () => true }, opts, readOnly, emit)
          : openOne(r, op, opts, opening, emit));
      if (r.heldBy) throw new RunError(`another run holds the lock on ${r.name}: ${r.stopped ?? ''}`);
      return r;
    });
    for (const phase of op.phases) {
      if (phase.kind === 'hosts') await hostPhase(phase, opts, held, emit);
      else await targetPhase(phase, opts, held, emit);
    }
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
    emit({ type: 'refused', message: opts.redactor.redact(messageOf(e)) });
  } finally {
    if (held.heartbeat) clearInterval(held.heartbeat);
    await held.cluster?.close();
    await Promise.all([...held.runs.values()].map((r) => r.close(opts.runId)));
  }
  const summary = summarize(opts, held.runs, held.targets, Date.now() - started, journal?.path ?? '');
  emit({ type: 'run-end', summary: failure ? { ...summary, failed: true } : summary });
  if (failure) throw failure;
  return summary;
}

interface Opening {
  queue: PQueue;
  locking: HostLocking;
}

async function openHosts(
  op: Operation,
  opts: ManagerOptions,
  held: Held,
  emit: (e: RunEvent) => void,
): Promise<Opening> {
  const opening: Opening = {
    queue: new PQueue({ concurrency: opts.parallel }),
    locking: {
      owner: { runId: opts.runId, ...opts.lockOwner, startedAt: new Date().toISOString() },
      take: opts.takeLocks,
      staleSeconds: opts.lockStaleSeconds ?? 90,
      force: opts.forceUnlock ?? false,
    },
  };
  await Promise.all([...held.runs.values()].map((r) => openOne(r, op, opts, opening, emit)));
  // A run that could not lock every host changes nothing: another run is working on them.
  const refused = [...held.runs.values()].filter((r) => r.heldBy);
  if (refused.length > 0)
    throw new RunError(
      `another run holds the lock on ${refused.map((r) => r.name).join(', ')}: ${refused[0]?.stopped ?? ''}`,
    );
  const locked = [...held.runs.values()].filter((r) => r.locked).map((r) => r.name);
  if (locked.length) emit({ type: 'lock', scope: 'hosts', taken: locked });
  held.cluster = new ClusterSession(
    op.cluster(held.runs),
    opts.takeLocks
      ? {
          owner: { runId: opts.runId, ...opts.lockOwner },
          staleSeconds: opts.lockStaleSeconds ?? 90,
          heartbeatSeconds: opts.heartbeatSeconds ?? 20,
          force: opts.forceUnlock ?? false,
        }
      : undefined,
    emit,
  );
  if (opts.takeLocks) {
    const beat = (): void => {
      for (const r of held.runs.values()) void r.beat(opts.runId, emit);
    };
    held.heartbeat = setInterval(beat, (opts.heartbeatSeconds ?? 20) * 1000);
    held.heartbeat.unref();
  }
  return opening;
}

/** Opens one host: connection, lock and facts; an optional host that does not answer is noted. */
async function openOne(
  r: HostRun,
  op: Operation,
  opts: ManagerOptions,
  o: Opening,
  emit: (e: RunEvent) => void,
): Promise<void> {
  await o.queue.add(async () => {
    try {
      await r.open(opts.connect, op.probes(r.host), o.locking, emit);
      const problem = op.hostProblem?.(r);
      if (problem) throw new RunError(problem);
    } catch (e) {
      if (!r.transport && op.optional?.(r.host)) {
        r.unreachable = opts.redactor.redact(messageOf(e));
        emit({ type: 'host', host: r.name, level: 'warning', message: `does not answer: ${r.unreachable}` });
      } else r.openFailed(e, opts.redactor, emit);
    }
  });
}

async function hostPhase(
  phase: HostPhaseSpec,
  opts: ManagerOptions,
  held: Held,
  emit: (e: RunEvent) => void,
): Promise<void> {
  const hosts = [...held.runs.values()].filter((r) => phase.selects(r.host) && !r.unreachable);
  if (held.halted) for (const r of hosts) r.stopped ??= held.halted;
  const strategy = typeof phase.strategy === 'string' ? phase.strategy : 'batched';
  const t0 = Date.now();
  emit({ type: 'phase-start', phase: phase.name, hosts: hosts.map((r) => r.name), strategy });
  const record = (r: HostRun, result: TaskResult): void => {
    r.results.push(result);
    emit({ type: 'task', result });
  };
  const work = async (r: HostRun): Promise<void> => {
    for (const step of phase.steps(r)) {
      if (r.stopped) {
        record(r, skippedResult(step, r.name, phase.name, `host stopped: ${r.stopped}`));
        continue;
      }
      const result = await runStep(step, {
        target: r.name,
        phase: phase.name,
        dryRun: opts.dryRun,
        redactor: opts.redactor,
        emit,
      });
      if (result.status === 'failed') r.stopped = `${step.id} failed in phase ${phase.name}`;
      record(r, result);
    }
    emit({ type: 'host-done', phase: phase.name, host: r.name });
  };
  const waiting = (r: HostRun, on: readonly string[]): void =>
    emit({ type: 'host-waits', phase: phase.name, host: r.name, on: [...on] });
  const queue = new PQueue({ concurrency: opts.parallel });
  const failed = await walk(hosts, phase.name, phase.strategy, queue, work, waiting);
  // What follows a rolling phase builds on it (agents join the servers): none of it starts
  // against hosts that failed there.
  if (failed)
    held.halted = `${failed} failed in the ${strategy} phase ${phase.name}: later phases do not start`;
  emit({ type: 'phase-end', phase: phase.name, durationMs: Date.now() - t0 });
}

async function targetPhase(
  phase: TargetPhaseSpec,
  opts: ManagerOptions,
  held: Held,
  emit: (e: RunEvent) => void,
): Promise<void> {
  const cluster = held.cluster as ClusterSession;
  const run = {
    target: phase.target,
    phase: phase.name,
    dryRun: opts.dryRun,
    redactor: opts.redactor,
    emit,
    ...(phase.describe ? { describe: (e: unknown) => phase.describe?.(e) ?? messageOf(e) } : {}),
  };
  const t0 = Date.now();
  emit({ type: 'phase-start', phase: phase.name, hosts: [phase.target], strategy: 'serial' });
  const record = (result: TaskResult): void => {
    held.targets.push(result);
    emit({ type: 'task', result });
  };
  let stopped = phase.skipWhy?.([...held.runs.values()]) ?? held.halted;
  const note = (line: string): void =>
    emit({ type: 'host', host: phase.target, level: 'info', message: opts.redactor.redact(line) });
  for (const step of phase.steps(cluster, note)) {
    stopped ??= cluster.lost;
    if (stopped) {
      record(skippedResult(step, phase.target, phase.name, stopped));
      continue;
    }
    const result = await (phase.lease && !opts.dryRun ? cluster.lock(phase.target) : Promise.resolve()).then(
      () => runStep(step, run),
      (e: unknown) => ({
        ...skippedResult(step, phase.target, phase.name, ''),
        status: 'failed' as const,
        message: opts.redactor.redact(phase.describe ? phase.describe(e) : messageOf(e)),
      }),
    );
    record(result);
    if (result.status === 'failed') stopped = `${step.id} failed earlier in the phase ${phase.name}`;
  }
  emit({ type: 'phase-end', phase: phase.name, durationMs: Date.now() - t0 });
}
