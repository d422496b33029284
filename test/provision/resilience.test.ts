import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { Redactor } from '../../src/core/redact.ts';
import { connectSsh } from '../../src/hosts/ssh-transport.ts';
import { sshTargetFor } from '../../src/hosts/ssh-target.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { startLabHost, stopLabHost } from '../../src/lab/lab.ts';
import type { RunEvent } from '../../src/engine/events.ts';
import type { Playbook } from '../../src/playbooks/playbook.ts';
import { runPlaybook } from '../../src/playbooks/runner.ts';
import { sysctls } from '../../src/tasks/node/sysctls.ts';
import {
  ADDRESS,
  ensureLab,
  LAB_INVENTORY,
  LAB_STATE_DIR,
  labInventory,
  onHost,
  ROOT,
} from '../support/lab.ts';
import { resetWaitTask, waitTask } from '../support/wait-task.ts';

const HOSTS = ['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2'];

/** Test hosts without the wait task's marker and without run locks left by earlier test runs. */
async function resetWait(): Promise<void> {
  await Promise.all(
    HOSTS.map((h) => onHost(ADDRESS[h] ?? '', `${resetWaitTask}; rm -f /var/lib/rigger/run.lock`)),
  );
}

/** Runs a playbook with the wait task in-process, the way `rigger provision` does. */
async function slowRun(seconds: number, onEvent: (e: RunEvent) => void = () => undefined) {
  const { inventory } = await loadInventory(LAB_INVENTORY);
  const redactor = new Redactor();
  const playbook: Playbook = {
    name: 'slow',
    file: 'test',
    phases: [
      {
        target: 'hosts',
        name: 'prepare',
        hosts: {},
        strategy: 'parallel',
        tasks: [sysctls, waitTask(seconds)],
      },
    ],
  };
  const summary = await runPlaybook({
    inventory,
    playbook,
    connect: (h) =>
      connectSsh(sshTargetFor(inventory, h), {
        redactor,
        retry: { attempts: 1, initialDelayMs: 100, maxDelayMs: 100 },
      }),
    redactor,
    listeners: [onEvent],
    runId: `slow-${Date.now().toString(36)}`,
    lockOwner: { owner: 'ann@ops', command: 'slow' },
    journalDir: mkdtempSync(join(tmpdir(), 'rigger-journal-')),
  });
  return { summary, journal: summary.journal };
}

describe('runs that meet trouble on the lab', () => {
  beforeAll(async () => {
    await ensureLab();
    await runCli(['provision', LAB_INVENTORY, '--output', 'json'], { cwd: ROOT, env: process.env });
    await resetWait();
  });

  afterAll(async () => {
    await startLabHost({ stateDir: LAB_STATE_DIR }, 'worker-2');
  });

  it('refuses a second concurrent run by the run lock, naming the holder', async () => {
    let started!: () => void;
    const phaseStarted = new Promise<void>((r) => (started = r));
    const first = slowRun(6, (e) => e.type === 'phase-start' && started());
    await Promise.race([phaseStarted, first]);
    const second = await runCli(['provision', LAB_INVENTORY, '--output', 'json'], {
      cwd: ROOT,
      env: process.env,
    });
    const done = await first; // before any assertion: a failed one must not leave the run going
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /another run holds the lock on cp-1, .*: locked by run slow-\w+ of ann@ops \(slow, started /,
    );
    expect(done.summary.failed).toBe(false);
    // The lock is gone with the first run: the next run goes ahead.
    const third = await runCli(['provision', LAB_INVENTORY, '--output', 'json'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(third.code).toBe(0);
  });

  it('takes over a lock whose heartbeat stopped, and says so', async () => {
    await onHost(
      ADDRESS['cp-1'] ?? '',
      `mkdir -p /var/lib/rigger && echo '{"runId":"dead1","owner":"gone@nowhere","command":"provision","startedAt":"x"}' > /var/lib/rigger/run.lock && touch -d '-10 minutes' /var/lib/rigger/run.lock`,
    );
    const r = await runCli(['provision', LAB_INVENTORY, '--output', 'json'], { cwd: ROOT, env: process.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('took over the run lock of run dead1 by gone@nowhere');
    // The lock is released; its mutex file (util-linux flock's) stays, empty and unlocked.
    expect((await onHost(ADDRESS['cp-1'] ?? '', 'ls /var/lib/rigger')).split('\n')).not.toContain('run.lock');
  });

  it('fails only the host whose machine stops mid-run, and the journal says so', async () => {
    await resetWait();
    let stopping: Promise<void> | undefined;
    const { summary, journal } = await slowRun(8, (e) => {
      if (e.type === 'task-start' && e.host === 'worker-2' && e.task === 'test-wait') {
        stopping = stopLabHost({ stateDir: LAB_STATE_DIR }, 'worker-2');
      }
    });
    await stopping;
    const byHost = Object.fromEntries(summary.hosts.map((h) => [h.host, h]));
    expect(byHost['worker-2']?.failed).toBe(1);
    for (const h of ['cp-1', 'cp-2', 'cp-3', 'worker-1']) expect(byHost[h]?.failed).toBe(0);
    const lines = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            result?: { host: string; task: string; status: string; message?: string };
          },
      );
    const failed = lines.find((l) => l.result?.host === 'worker-2' && l.result.status === 'failed');
    expect(failed?.result?.task).toBe('test-wait');
    expect(failed?.result?.message).toMatch(/worker-2/);
    await startLabHost({ stateDir: LAB_STATE_DIR }, 'worker-2');
    // The dead run could not release worker-2's lock; its heartbeat is fresh for a while, so the
    // operator who knows the run is dead takes the lock over explicitly.
    const refused = await runCli(['provision', LAB_INVENTORY, '--output', 'json'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(refused.stderr).toMatch(/another run holds the lock on worker-2: locked by run slow-/);
    const forced = await runCli(['provision', LAB_INVENTORY, '--force-unlock', '--output', 'json'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/"host":"worker-2".*took over the run lock of run slow-/);
  });

  it('reaches hosts through a bastion (one lab host as the jump host for another)', async () => {
    const file = labInventory((doc) =>
      doc.setIn(['ssh', 'bastion'], doc.createNode({ host: ADDRESS['spare-1'], user: 'root' })),
    );
    const { inventory } = await loadInventory(file);
    const worker = inventory.hosts.find((h) => h.name === 'worker-1');
    if (!worker) throw new Error('no worker-1');
    const t = await connectSsh(sshTargetFor(inventory, worker), { redactor: new Redactor() });
    try {
      // The target sees the connection coming from the bastion's address, not from this machine.
      const seen = (await t.run('echo $SSH_CONNECTION')).stdout.trim().split(' ')[0];
      expect(seen).toBe(ADDRESS['spare-1']);
    } finally {
      await t.close();
    }
    const plan = await runCli(['plan', file, '--limit', 'worker-1', '--output', 'json'], {
      cwd: ROOT,
      env: process.env,
    });
    expect(plan.code).toBe(0);
  });

  it('runs as root through sudo for a non-root user with become', async () => {
    // A host the lab calls ready admits non-root logins. At boot systemd-tmpfiles writes
    // /run/nologin (tmpfiles.d/systemd-nologin.conf) and systemd-user-sessions.service removes it;
    // when that unit fails (219/CGROUP at a restart) the file stays, as written here.
    await onHost(ADDRESS['cp-1'] ?? '', "printf 'System is booting up.\\n' > /run/nologin");
    await startLabHost({ stateDir: LAB_STATE_DIR }, 'cp-1');
    expect(
      (await onHost(ADDRESS['cp-1'] ?? '', 'test -e /run/nologin && echo nologin || echo open')).trim(),
    ).toBe('open');
    const file = labInventory((doc) => {
      doc.setIn(['ssh', 'user'], 'rigger');
      doc.setIn(['ssh', 'become'], true);
    });
    const { inventory } = await loadInventory(file);
    const t = await connectSsh(sshTargetFor(inventory, inventory.hosts[0]), { redactor: new Redactor() });
    try {
      expect((await t.run('id -u')).stdout.trim()).toBe('0');
      expect((await t.run('echo $SUDO_USER')).stdout.trim()).toBe('rigger');
    } finally {
      await t.close();
    }
    const r = await runCli(['provision', file, '--output', 'json'], { cwd: ROOT, env: process.env });
    expect(r.code).toBe(0);
  });
});
