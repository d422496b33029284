/**
 * One host in an operation: its connection, the run lock on it, its facts gathered once (in the
 * same exec that takes the lock), and what happened to it. The manager opens every host this way
 * and nothing else connects, locks or gathers.
 */
import { RunError } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import { parseHostFacts, type HostFacts } from '../hosts/host-facts.ts';
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
import type { Host } from '../inventory/types.generated.ts';
import type { RunEvent, TaskResult } from './events.ts';

/** How the manager locks hosts: not at all in dry runs and drift, which change nothing. */
export interface HostLocking {
  owner: LockOwner;
  /** Take the lock (a changing run) or only read who holds it (a dry run). */
  take: boolean;
  staleSeconds: number;
  force: boolean;
}

export class HostRun {
  transport?: Transport;
  facts?: Facts;
  hostFacts?: HostFacts;
  /** Why the host stopped: later steps skip it. */
  stopped?: string;
  /** The host did not answer and the operation can do without it (a dead node being removed). */
  unreachable?: string;
  locked = false;
  /** Another run holds this host's lock: the operation changes nothing anywhere. */
  heldBy?: string;
  readonly results: TaskResult[] = [];

  constructor(readonly host: Host) {}

  get name(): string {
    return this.host.name;
  }

  failedIn(phase: string): boolean {
    return this.results.some((x) => x.phase === phase && x.status === 'failed');
  }

  /** Connects, takes (or reads) the run lock and gathers every probe: one exec. */
  async open(
    connect: (h: Host) => Promise<Transport>,
    probes: readonly Probe[],
    locking: HostLocking,
    emit: (e: RunEvent) => void,
  ): Promise<void> {
    this.transport = await connect(this.host);
    const lock = locking.take
      ? acquireLockScript(locking.owner, locking.staleSeconds, locking.force)
      : readLockScript();
    const raw = await gather(this.transport, probes, `${composeProbes([{ id: 'lock', script: lock }])}\n`);
    this.facts = new Facts(this.host.name, raw);
    this.hostFacts = parseHostFacts(this.facts);
    const state = parseLockState(raw.get('lock') ?? '');
    if (state.state === 'acquired' && locking.take) this.locked = true;
    if (state.state === 'taken-over' && locking.take) {
      this.locked = true;
      const prev = state.previous;
      const message = `took over the run lock of run ${prev?.runId ?? '?'} by ${prev?.owner ?? '?'} (heartbeat ${state.ageSeconds}s old)`;
      emit({ type: 'host', host: this.name, level: 'warning', message });
    }
    if (state.state === 'held') {
      const h = state.holder;
      const msg = `locked by run ${h?.runId ?? '?'} of ${h?.owner ?? '?'} (${h?.command ?? '?'}, started ${h?.startedAt ?? '?'}, heartbeat ${state.ageSeconds}s ago)`;
      if (locking.take) {
        this.heldBy = msg;
        throw new RunError(`${msg}; wait for it, or use --force-unlock if it is dead`);
      }
      emit({ type: 'host', host: this.name, level: 'warning', message: msg });
    }
  }

  /**
   * Proves the run still holds this host's lock; a run that cannot stops here before its next
   * change, saying why. A broken connection fails the next step by itself, with its own error.
   */
  async beat(runId: string, emit: (e: RunEvent) => void): Promise<void> {
    if (!this.locked || this.stopped) return;
    const seen = await this.transport
      ?.exec(heartbeatScript(runId))
      .then((x) => (x.code === 0 ? undefined : x.stdout.trim() || x.stderr.trim() || `exit ${x.code}`))
      .catch(() => undefined);
    if (seen === undefined || this.stopped) return;
    this.stopped = `lost its run lock (${seen}); stopped before its next change`;
    emit({ type: 'host', host: this.name, level: 'error', message: this.stopped });
  }

  /** Releases the lock (if taken) and closes the connection; never throws. */
  async close(runId: string): Promise<void> {
    if (this.locked) await this.transport?.exec(releaseLockScript(runId)).catch(() => undefined);
    await this.transport?.close().catch(() => undefined);
  }

  /** Records a failure to open as a failed step of its own, so summary and journal show it. */
  openFailed(e: unknown, redactor: Redactor, emit: (e: RunEvent) => void): void {
    this.stopped = redactor.redact(e instanceof Error ? e.message : String(e));
    emit({ type: 'host', host: this.name, level: 'error', message: this.stopped });
    const result: TaskResult = {
      host: this.name,
      phase: 'connect',
      task: 'facts',
      status: 'failed',
      changes: [],
      durationMs: 0,
      message: this.stopped,
    };
    this.results.push(result);
    emit({ type: 'task', result });
  }
}
