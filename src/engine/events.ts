import type { ObjectDrift } from '../kube/drift.ts';

/** One change as reported: planned, made, or (in drift) found. */
export interface ChangeRecord {
  summary: string;
  diff?: string;
  /** For cluster tasks: the object and fields concerned. */
  object?: ObjectDrift;
  /** Reported, not applied (an orphan without --prune). */
  deferred?: boolean;
}

/** What happened to one task on one host (or on the cluster: host `cluster`). */
export interface TaskResult {
  host: string;
  phase: string;
  task: string;
  /** `changed` in a dry run means "would change". */
  status: 'ok' | 'changed' | 'failed' | 'skipped';
  changes: ChangeRecord[];
  durationMs: number;
  /** Why it was skipped, or what failed. */
  message?: string;
}

export interface HostSummary {
  host: string;
  ok: number;
  changed: number;
  failed: number;
  skipped: number;
  /** Commands run over SSH on this host during the run. */
  execs: number;
}

export interface RunSummary {
  runId: string;
  dryRun: boolean;
  hosts: HostSummary[];
  failed: boolean;
  durationMs: number;
  journal: string;
}

/** The events a run reports, in order; reporters and the journal listen to the same stream. */
export type RunEvent =
  | { type: 'run-start'; runId: string; playbook: string; dryRun: boolean; hosts: string[] }
  | { type: 'host'; host: string; level: 'info' | 'warning' | 'error'; message: string }
  | {
      type: 'phase-start';
      phase: string;
      hosts: string[];
      /** How its hosts are walked: all at once, one at a time, or in batches. */
      strategy?: 'parallel' | 'serial' | 'batched';
    }
  /** In a serial or batched phase: the host waits until these hosts are done. */
  | { type: 'host-waits'; phase: string; host: string; on: string[] }
  | { type: 'task-start'; host: string; phase: string; task: string; title: string }
  | { type: 'task'; result: TaskResult }
  /** The host finished its steps of the phase (others may still be working). */
  | { type: 'host-done'; phase: string; host: string }
  /** The phase is over; how long it took (where a run's time goes, per phase, in the journal). */
  | { type: 'phase-end'; phase: string; durationMs?: number }
  /** Locks the operation took: the run lock on hosts, the cluster's Lease. */
  | { type: 'lock'; scope: 'hosts' | 'cluster'; taken: string[] }
  /** Why the operation stopped before or between phases (a refusal, a lock held by another run). */
  | { type: 'refused'; message: string }
  | { type: 'run-end'; summary: RunSummary };

export type RunListener = (event: RunEvent) => void;
