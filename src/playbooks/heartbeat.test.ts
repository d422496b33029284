/**
 * A run that loses a host's lock (another run took it over) stops on that host before its next
 * change, and says why. The old heartbeat ignored the failure and carried on.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../core/redact.ts';
import { FakeHost, ubuntuFacts } from '../hosts/fake-transport.ts';
import type { ExecResult } from '../hosts/transport.ts';
import { loadText, prodText } from '../inventory/testing.ts';
import type { Task } from '../tasks/task.ts';
import type { RunEvent } from '../engine/events.ts';
import { runPlaybook } from './runner.ts';

/** A host whose lock another run takes over as soon as the first task has begun. */
class StolenLockHost extends FakeHost {
  stolen = false;
  override exec(command: string): Promise<ExecResult> {
    if (this.stolen && command.includes('touch') && command.includes('run.lock'))
      return Promise.resolve({ stdout: 'lost {"runId":"thief"}\n', stderr: '', code: 1 });
    return super.exec(command);
  }
}

const slow = (id: string, host: StolenLockHost, applied: string[]): Task => ({
  id,
  title: id,
  probes: () => [],
  plan: () => [
    {
      summary: `change ${id}`,
      apply: async () => {
        host.stolen = true;
        await new Promise((r) => setTimeout(r, 300));
        applied.push(id);
      },
    },
  ],
});

describe('the heartbeat of a run', () => {
  it('stops the host before its next change once its lock is lost', async () => {
    const inventory = loadText(prodText()).inventory;
    const name = inventory.hosts[0].name;
    const host = new StolenLockHost(name, new Map([...ubuntuFacts()]));
    const applied: string[] = [];
    const events: RunEvent[] = [];
    const summary = await runPlaybook({
      inventory,
      playbook: {
        name: 'hb',
        file: 'hb.yaml',
        phases: [
          {
            target: 'hosts',
            name: 'prepare',
            hosts: {},
            strategy: 'parallel',
            tasks: [slow('first', host, applied), slow('second', host, applied)],
          },
        ],
      },
      connect: () => Promise.resolve(host),
      redactor: new Redactor(),
      listeners: [(e) => events.push(e)],
      limit: [name],
      heartbeatSeconds: 0.05,
    });
    expect(applied).toEqual(['first']);
    expect(summary.failed).toBe(true);
    const said = events.flatMap((e) => (e.type === 'host' && e.level === 'error' ? [e.message] : []));
    expect(said.join('\n')).toContain(
      'lost its run lock (lost {"runId":"thief"}); stopped before its next change',
    );
  });
});
