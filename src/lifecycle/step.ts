import type { Step } from '../engine/step.ts';

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

/** A lifecycle step as the engine runs every step: checked, applied when needed, checked again. */
export function engineStep(step: LifecycleStep): Step {
  return {
    id: step.id,
    title: step.title,
    ...(step.skip ? { skip: step.skip } : {}),
    check: async () => {
      const todo = await step.check();
      return todo === undefined ? [] : [{ summary: todo, apply: () => step.apply() }];
    },
  };
}
