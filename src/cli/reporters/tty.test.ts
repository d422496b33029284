import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/events.ts';
import { ttyReporter } from './tty.ts';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe('the live view of a serial phase', () => {
  it('says whom a waiting host waits for, and shows a finished host done before the next starts', async () => {
    const s = new PassThrough();
    let out = '';
    s.on('data', (d: Buffer) => (out += d.toString()));
    const r = ttyReporter(s);
    const task = (host: string): RunEvent => ({
      type: 'task',
      result: {
        host,
        phase: 'rke2-servers',
        task: 'rke2-service',
        status: 'changed',
        changes: [],
        durationMs: 1,
      },
    });
    const events: RunEvent[] = [
      { type: 'run-start', runId: 'r1', playbook: 'provision', dryRun: false, hosts: ['cp-1', 'cp-2'] },
      { type: 'phase-start', phase: 'rke2-servers', hosts: ['cp-1', 'cp-2'], strategy: 'serial' },
      { type: 'host-waits', phase: 'rke2-servers', host: 'cp-2', on: ['cp-1'] },
      {
        type: 'task-start',
        host: 'cp-1',
        phase: 'rke2-servers',
        task: 'rke2-service',
        title: 'start rke2-server',
      },
      task('cp-1'),
      { type: 'host-done', phase: 'rke2-servers', host: 'cp-1' },
    ];
    for (const e of events) r.listener(e);
    await tick();
    // cp-1 is shown done while cp-2 has not started (the phase has not ended).
    expect(out).toContain('cp-1: 1 changed');
    expect(out).toContain('cp-2: waits for cp-1');
    expect(out).not.toContain('cp-2: start rke2-server');
    r.listener({
      type: 'task-start',
      host: 'cp-2',
      phase: 'rke2-servers',
      task: 'rke2-service',
      title: 'start rke2-server',
    });
    r.listener(task('cp-2'));
    r.listener({ type: 'host-done', phase: 'rke2-servers', host: 'cp-2' });
    r.listener({ type: 'phase-end', phase: 'rke2-servers' });
    await r.flush();
    expect(out.indexOf('cp-1: 1 changed')).toBeLessThan(out.indexOf('cp-2: 1 changed'));
  });
});
