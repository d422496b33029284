/** What happened to one task on one host. */
export interface TaskResult {
  host: string;
  phase: string;
  task: string;
  /** `changed` in a dry run means "would change". */
  status: 'ok' | 'changed' | 'failed' | 'skipped';
  changes: { summary: string; diff?: string }[];
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
  | { type: 'phase-start'; phase: string; hosts: string[] }
  | { type: 'task-start'; host: string; phase: string; task: string; title: string }
  | { type: 'task'; result: TaskResult }
  | { type: 'phase-end'; phase: string }
  | { type: 'run-end'; summary: RunSummary };

export type RunListener = (event: RunEvent) => void;
