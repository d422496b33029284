import { commandChange } from '../../src/tasks/change.ts';
import type { Task } from '../../src/tasks/task.ts';

/**
 * A test-only task that takes a while on each host (and is then converged until the host
 * reboots), so a test can act while a run is under way: stop a host, start a second run.
 */
export function waitTask(seconds: number): Task {
  return {
    id: 'test-wait',
    title: `wait ${seconds} s (test)`,
    probes: () => [{ id: 'test-wait', script: 'cat /run/rigger-test-wait' }],
    plan: ({ facts }) =>
      facts.get('test-wait').trim() === 'done'
        ? []
        : [commandChange(`wait ${seconds} s`, `sleep ${seconds} && echo done > /run/rigger-test-wait`)],
  };
}

export const resetWaitTask = 'rm -f /run/rigger-test-wait';
