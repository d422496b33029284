/**
 * The one check / apply / re-check helper. Host tasks, cluster tasks and the steps of a node's
 * removal are all adapted to `Step`; every mutation rigger makes goes through `runStep`, so a dry
 * run is the exact plan: it stops after the check.
 */
import type { Redactor } from '../core/redact.ts';
import { TaskSkip } from '../tasks/task.ts';
import type { ChangeRecord, RunEvent, TaskResult } from './events.ts';

/** One difference a step found, and how to remove it. */
export interface StepChange extends Omit<ChangeRecord, 'deferred'> {
  /** Reported, not applied by this run (an orphan without --prune): a warning, not a failure. */
  deferred?: boolean;
  apply(): Promise<void>;
}

export interface Step {
  id: string;
  title: string;
  /** Why this step does not run at all (the old host is unreachable): a warning, not a failure. */
  skip?: string;
  /** What differs now; empty when nothing does. Never changes anything. Throws TaskSkip to skip. */
  check(): Promise<StepChange[]>;
  /** What still differs after apply, from fresh state; `check` again when absent. */
  recheck?(): Promise<StepChange[]>;
}

/** Where a step reports: its target (a host, `cluster`, the node being removed) and phase. */
export interface StepRun {
  target: string;
  phase: string;
  dryRun: boolean;
  redactor: Redactor;
  emit: (e: RunEvent) => void;
  /** Turns a thrown error into the message shown (the API's own message for Kubernetes errors). */
  describe?: (e: unknown) => string;
}

type Outcome = Pick<TaskResult, 'status' | 'changes' | 'message'>;

/** Checks, applies exactly what the check found (unless a dry run), re-checks. */
export async function runStep(step: Step, run: StepRun): Promise<TaskResult> {
  const t0 = Date.now();
  if (step.skip) {
    run.emit({ type: 'host', host: run.target, level: 'warning', message: `${step.title}: ${step.skip}` });
    return skippedResult(step, run.target, run.phase, step.skip);
  }
  run.emit({ type: 'task-start', host: run.target, phase: run.phase, task: step.id, title: step.title });
  const outcome = await attempt(step, run).catch((e: unknown): Outcome => {
    if (e instanceof TaskSkip) return { status: 'skipped', changes: [], message: e.reason };
    const text = run.describe ? run.describe(e) : e instanceof Error ? e.message : String(e);
    return { status: 'failed', changes: [], message: run.redactor.redact(text) };
  });
  return { host: run.target, phase: run.phase, task: step.id, ...outcome, durationMs: Date.now() - t0 };
}

async function attempt(step: Step, run: StepRun): Promise<Outcome> {
  const planned = await step.check();
  const changes = planned.map((c) => shown(c, run.redactor));
  if (planned.length === 0 || run.dryRun) return { status: planned.length ? 'changed' : 'ok', changes };
  const toApply = planned.filter((c) => !c.deferred);
  for (const c of planned.filter((x) => x.deferred))
    run.emit({ type: 'host', host: run.target, level: 'warning', message: run.redactor.redact(c.summary) });
  if (toApply.length === 0) return { status: 'ok', changes };
  for (const c of toApply) await c.apply();
  // A step whose subject is gone after the apply (a pruned add-on) skips its re-check: success.
  const again = await (step.recheck ?? step.check)().catch((e: unknown) => {
    if (e instanceof TaskSkip) return [];
    throw e;
  });
  const left = again.filter((c) => !c.deferred);
  if (left.length === 0) return { status: 'changed', changes };
  const what = left.map((c) => c.summary).join('; ');
  return { status: 'failed', changes, message: run.redactor.redact(`still differs after apply: ${what}`) };
}

function shown(c: StepChange, redactor: Redactor): ChangeRecord {
  return {
    summary: redactor.redact(c.summary),
    ...(c.diff ? { diff: redactor.redact(c.diff) } : {}),
    ...(c.object ? { object: c.object } : {}),
    ...(c.deferred ? { deferred: true } : {}),
  };
}

/** A result for a step that did not run, with the reason. */
export function skippedResult(
  step: Pick<Step, 'id'>,
  target: string,
  phase: string,
  why: string,
): TaskResult {
  return { host: target, phase, task: step.id, status: 'skipped', changes: [], durationMs: 0, message: why };
}
