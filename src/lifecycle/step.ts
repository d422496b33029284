import type { Redactor } from '../core/redact.ts';
import type { RunEvent, TaskResult } from '../playbooks/events.ts';

/**
 * One step of a node's removal or replacement, in the task contract's shape: `check` says what
 * it would do now (undefined: already done, so an interrupted run resumes where the cluster and
 * hosts show it stopped, never repeating what is done), `apply` does it.
 */
export interface LifecycleStep {
  id: string;
  title: string;
  /** Why this step does not run at all (e.g. the old host is unreachable): a warning, not a failure. */
  skip?: string;
  check(): Promise<string | undefined>;
  apply(): Promise<void>;
}

export interface StepRun {
  host: string;
  phase: string;
  dryRun: boolean;
  redactor: Redactor;
  emit: (e: RunEvent) => void;
}

/** Runs steps in order: each checked, applied when needed, checked again; stops at the first failure. */
export async function runSteps(steps: readonly LifecycleStep[], run: StepRun): Promise<boolean> {
  let failed: string | undefined;
  for (const step of steps) {
    const base = { host: run.host, phase: run.phase, task: step.id };
    const t0 = Date.now();
    const record = (r: Omit<TaskResult, 'host' | 'phase' | 'task' | 'durationMs'>): void =>
      run.emit({ type: 'task', result: { ...base, ...r, durationMs: Date.now() - t0 } });
    if (failed) {
      record({ status: 'skipped', changes: [], message: `${failed} failed earlier` });
      continue;
    }
    if (step.skip) {
      run.emit({ type: 'host', host: run.host, level: 'warning', message: `${step.title}: ${step.skip}` });
      record({ status: 'skipped', changes: [], message: step.skip });
      continue;
    }
    run.emit({ type: 'task-start', host: run.host, phase: run.phase, task: step.id, title: step.title });
    try {
      const todo = await step.check();
      if (todo === undefined) {
        record({ status: 'ok', changes: [] });
        continue;
      }
      const changes = [{ summary: run.redactor.redact(todo) }];
      if (run.dryRun) {
        record({ status: 'changed', changes });
        continue;
      }
      await step.apply();
      const left = await step.check();
      if (left !== undefined) {
        record({
          status: 'failed',
          changes,
          message: run.redactor.redact(`still to do after apply: ${left}`),
        });
        failed = step.id;
        continue;
      }
      record({ status: 'changed', changes });
    } catch (e) {
      record({
        status: 'failed',
        changes: [],
        message: run.redactor.redact(e instanceof Error ? e.message : String(e)),
      });
      failed = step.id;
    }
  }
  return failed === undefined;
}
