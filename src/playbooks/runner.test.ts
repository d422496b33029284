import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../core/redact.ts';
import { FakeHost, filesFact } from '../hosts/fake-transport.ts';
import { loadText, prodText } from '../inventory/testing.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { SYSCTL_FILE, sysctls } from '../tasks/node/sysctls.ts';
import type { Task } from '../tasks/task.ts';
import type { RunEvent } from '../engine/events.ts';
import type { Playbook } from './playbook.ts';
import { runPlaybook, type RunOptions } from './runner.ts';

const inventory: Inventory = loadText(prodText()).inventory;
const SYSCTL_KEYS = [
  'net.ipv4.conf.all.forwarding',
  'net.ipv6.conf.all.forwarding',
  'fs.inotify.max_user_instances',
  'fs.inotify.max_user_watches',
];

/** A fresh Ubuntu host whose sysctls are all at kernel defaults. */
function freshHost(name: string, osId = 'ubuntu'): FakeHost {
  const facts = new Map<string, string>([
    ['os-release', `ID=${osId}\nVERSION_ID="24.04"`],
    ['kernel', '6.8.0'],
    ['container', 'none'],
    ['package-manager', 'dpkg'],
    ['files:sysctls', filesFact({ [SYSCTL_FILE]: undefined })],
    ...SYSCTL_KEYS.map((k): [string, string] => [`sysctl:${k}`, '0']),
  ]);
  // `sysctl -w k=v` sets the live value, as the kernel would.
  return new FakeHost(name, facts, [[/sysctl -q -w '([^=]+)=([^']+)'/, () => undefined]]);
}

function hostsWith(names: string[], make = freshHost): Map<string, FakeHost> {
  const hosts = new Map(names.map((n) => [n, make(n)]));
  for (const h of hosts.values()) {
    h.effects.push([
      /sysctl -q -w/,
      (facts) => {
        const cmd = h.commands[h.commands.length - 1] ?? '';
        const m = /sysctl -q -w '([^=]+)=([^']+)'/.exec(cmd);
        if (m?.[1] && m[2]) facts.set(`sysctl:${m[1]}`, m[2]);
      },
    ]);
  }
  return hosts;
}

const playbook = (tasks: Task[] = [sysctls]): Playbook => ({
  name: 'test',
  file: 'test.yaml',
  phases: [{ target: 'hosts', name: 'prepare', hosts: {}, strategy: 'parallel', tasks }],
});

async function run(hosts: Map<string, FakeHost>, extra: Partial<RunOptions> = {}) {
  const events: RunEvent[] = [];
  const journalDir = mkdtempSync(join(tmpdir(), 'rigger-journal-'));
  const redactor = new Redactor();
  const summary = await runPlaybook({
    inventory,
    playbook: playbook(),
    connect: (h) => {
      const fake = hosts.get(h.name);
      return fake ? Promise.resolve(fake) : Promise.reject(new Error(`${h.name}: connection refused`));
    },
    redactor,
    listeners: [(e) => events.push(e)],
    limit: [...hosts.keys()],
    journalDir,
    ...extra,
  });
  const results = events.flatMap((e) => (e.type === 'task' ? [e.result] : []));
  return { summary, events, results, journal: readFileSync(summary.journal, 'utf8') };
}

describe('the playbook runner', () => {
  it('converges a host: writes the file and sets live values, then re-checks clean', async () => {
    const hosts = hostsWith(['cp-1']);
    const { summary, results } = await run(hosts);
    expect(summary.failed).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('changed');
    expect(results[0]?.changes.map((c) => c.summary)).toEqual([
      `create ${SYSCTL_FILE} (mode 0644)`,
      'sysctl net.ipv4.conf.all.forwarding: 0 -> 1',
      'sysctl net.ipv6.conf.all.forwarding: 0 -> 1',
      'sysctl fs.inotify.max_user_instances: 0 -> 8192',
      'sysctl fs.inotify.max_user_watches: 0 -> 524288',
    ]);
    expect(hosts.get('cp-1')?.writes.map((w) => w.path)).toEqual([SYSCTL_FILE]);
  });

  it('changes nothing on a second run, in two execs per host (facts with lock, release)', async () => {
    const hosts = hostsWith(['cp-1', 'cp-2']);
    await run(hosts);
    for (const h of hosts.values()) h.execCount = 0;
    const { summary, results } = await run(hosts);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(summary.hosts.map((h) => h.execs)).toEqual([2, 2]);
  });

  it('changes nothing in a dry run but lists exactly the changes a real run makes', async () => {
    const hosts = hostsWith(['cp-1']);
    const dry = await run(hosts, { dryRun: true });
    expect(hosts.get('cp-1')?.writes).toEqual([]);
    expect(hosts.get('cp-1')?.commands).toEqual([]);
    const wet = await run(hosts);
    expect(dry.results[0]?.changes).toEqual(wet.results[0]?.changes);
    expect(dry.results[0]?.changes[0]?.diff).toContain('+net.ipv4.conf.all.forwarding = 1');
  });

  it('fails a task whose re-check still differs after apply', async () => {
    const hosts = new Map([['cp-1', freshHost('cp-1')]]); // no effect: sysctl -w changes nothing
    const { summary, results } = await run(hosts);
    expect(summary.failed).toBe(true);
    expect(results[0]?.status).toBe('failed');
    expect(results[0]?.message).toMatch(
      /^still differs after apply: sysctl net.ipv4.conf.all.forwarding: 0 -> 1/,
    );
  });

  it('stops only the failing host; the others converge', async () => {
    const hosts = hostsWith(['cp-1', 'cp-2', 'worker-1']);
    const dying = hosts.get('cp-2');
    if (!dying) throw new Error('no cp-2');
    dying.effects.push([/sysctl/, () => (dying.dead = true)]);
    const { summary } = await run(hosts);
    expect(summary.hosts.map((h) => [h.host, h.failed, h.changed])).toEqual([
      ['cp-1', 0, 1],
      ['cp-2', 1, 0],
      ['worker-1', 0, 1],
    ]);
  });

  it('starts no later host phase after a failed serial phase: no agent joins failed servers', async () => {
    const hosts = hostsWith(['cp-1', 'cp-2', 'worker-1']);
    const dying = hosts.get('cp-1');
    if (!dying) throw new Error('no cp-1');
    dying.effects.push([/sysctl/, () => (dying.dead = true)]);
    const { summary, results } = await run(hosts, {
      playbook: {
        name: 'test',
        file: 'test.yaml',
        phases: [
          {
            target: 'hosts',
            name: 'servers',
            hosts: { roles: ['control-plane'] },
            strategy: 'serial',
            tasks: [sysctls],
          },
          {
            target: 'hosts',
            name: 'agents',
            hosts: { roles: ['worker'] },
            strategy: 'parallel',
            tasks: [sysctls],
          },
        ],
      },
    });
    expect(summary.hosts.map((h) => [h.host, h.failed, h.changed, h.skipped])).toEqual([
      ['cp-1', 1, 0, 0],
      ['cp-2', 0, 0, 1],
      ['worker-1', 0, 0, 1],
    ]);
    expect(results.find((r) => r.host === 'worker-1')?.message).toBe(
      'host stopped: cp-1 failed in the serial phase servers: later phases do not start',
    );
    expect(hosts.get('worker-1')?.commands.some((c) => c.includes('sysctl -q -w'))).toBe(false);
  });

  it('refuses an unreachable host without stopping the others', async () => {
    const hosts = hostsWith(['cp-1']);
    const { summary, events } = await run(hosts, { limit: ['cp-1', 'cp-2'] });
    expect(summary.failed).toBe(true);
    expect(summary.hosts.find((h) => h.host === 'cp-1')?.changed).toBe(1);
    expect(events).toContainEqual({
      type: 'host',
      host: 'cp-2',
      level: 'error',
      message: 'cp-2: connection refused',
    });
  });

  it('refuses a host whose OS differs from the inventory before changing anything', async () => {
    const hosts = hostsWith(['cp-3'], (n) => freshHost(n, 'ubuntu')); // the inventory says flatcar
    const { summary, events } = await run(hosts);
    expect(summary.failed).toBe(true);
    expect(hosts.get('cp-3')?.writes).toEqual([]);
    expect(
      events.some(
        (e) =>
          e.type === 'host' &&
          e.message.includes('the inventory says os: flatcar, but the host reports ubuntu'),
      ),
    ).toBe(true);
  });

  it('refuses the whole run when another run holds the lock on any host', async () => {
    const hosts = hostsWith(['cp-1', 'cp-2']);
    hosts
      .get('cp-2')
      ?.facts.set('lock', 'held 5 {"runId":"other","owner":"ann@ops","command":"provision","startedAt":"x"}');
    await expect(run(hosts)).rejects.toThrow(
      /another run holds the lock on cp-2: locked by run other of ann@ops/,
    );
    expect(hosts.get('cp-1')?.writes).toEqual([]);
    expect(hosts.get('cp-1')?.commands.some((c) => c.includes('rm -f'))).toBe(true); // released its own
  });

  it('records the locks it took and every task result in the journal', async () => {
    const hosts = hostsWith(['cp-1']);
    const { journal } = await run(hosts);
    const lines = journal
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { type: string; taken?: string[]; result?: { task: string; status: string } },
      );
    expect(lines.map((l) => l.type)).toEqual([
      'run-start',
      'lock',
      'phase-start',
      'task',
      'host-done',
      'phase-end',
      'run-end',
    ]);
    expect(lines[1]).toMatchObject({ scope: 'hosts', taken: ['cp-1'] });
    expect(lines[3]?.result).toMatchObject({ task: 'sysctls', status: 'changed' });
  });
});
