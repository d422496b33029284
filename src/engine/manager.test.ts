import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { FakeHost, ubuntuFacts } from '../hosts/fake-transport.ts';
import { HOST_PROBES } from '../hosts/host-facts.ts';
import type { Host } from '../inventory/types.generated.ts';
import type { RunEvent } from './events.ts';
import { runOperation, type ManagerOptions } from './manager.ts';
import type { Operation, TargetPhaseSpec } from './operation.ts';
import type { Step } from './step.ts';

const host = (name: string): Host => ({
  name,
  address: `10.0.0.${name.length}`,
  roles: ['control-plane'],
  os: 'ubuntu',
  labels: {},
  taints: [],
});
const fake = (name: string): FakeHost => new FakeHost(name, new Map([...ubuntuFacts()]));
const noCluster = {
  node: () => Promise.resolve(undefined),
  kubeConfig: () => Promise.reject(new Error('the API does not answer')),
};

/** A step that records that it ran and changes one thing. */
const step = (id: string, ran: string[]): Step => {
  let done = false;
  return {
    id,
    title: id,
    check: () =>
      Promise.resolve(
        done ? [] : [{ summary: `do ${id}`, apply: () => ((done = true), ran.push(id), Promise.resolve()) }],
      ),
  };
};

function options(hosts: Map<string, FakeHost>, extra: Partial<ManagerOptions> = {}) {
  const events: RunEvent[] = [];
  const opts: ManagerOptions = {
    connect: (h) => {
      const t = hosts.get(h.name);
      return t ? Promise.resolve(t) : Promise.reject(new Error(`${h.name}: connection refused`));
    },
    redactor: new Redactor(),
    listeners: [(e) => events.push(e)],
    runId: 'r1',
    dryRun: false,
    takeLocks: true,
    journalDir: mkdtempSync(join(tmpdir(), 'rigger-manager-')),
    lockOwner: { owner: 'ann@ops', command: 'test' },
    parallel: 4,
    ...extra,
  };
  return { opts, events };
}

const removal = (ran: string[], lease = false): TargetPhaseSpec => ({
  kind: 'target',
  name: 'remove',
  target: 'old',
  lease,
  steps: () => [step('cordon', ran), step('delete', ran)],
});

describe('the phase manager', () => {
  it('journals a preflight refusal with the locks it held, releases them and rethrows it', async () => {
    const hosts = new Map([
      ['cp-1', fake('cp-1')],
      ['cp-2', fake('cp-2')],
    ]);
    const { opts, events } = options(hosts);
    const op: Operation = {
      name: 'remove-node',
      hosts: [host('cp-1'), host('cp-2')],
      probes: () => [...HOST_PROBES],
      cluster: () => noCluster,
      preflight: () => Promise.reject(new RunError('refusing to remove old: quorum')),
      phases: [removal([])],
    };
    await expect(runOperation(op, opts)).rejects.toThrow('refusing to remove old: quorum');
    const end = events.at(-1);
    expect(end?.type === 'run-end' && end.summary.failed).toBe(true);
    const journal = readFileSync(end?.type === 'run-end' ? end.summary.journal : '', 'utf8');
    const types = journal
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types).toEqual(['run-start', 'lock', 'refused', 'run-end']);
    expect(journal).toContain('"taken":["cp-1","cp-2"]');
    for (const h of hosts.values()) {
      expect(h.commands.some((c) => c.includes('rm -f'))).toBe(true);
      expect(h.closed).toBe(true);
    }
  });

  it('goes on without an optional host that does not answer, and runs a target phase in order', async () => {
    const ran: string[] = [];
    const { opts, events } = options(new Map([['cp-1', fake('cp-1')]]));
    const summary = await runOperation(
      {
        name: 'remove-node',
        hosts: [host('old'), host('cp-1')],
        optional: (h) => h.name === 'old',
        probes: () => [...HOST_PROBES],
        cluster: () => noCluster,
        phases: [removal(ran)],
      },
      opts,
    );
    expect(summary.failed).toBe(false);
    expect(ran).toEqual(['cordon', 'delete']);
    const warned = events.find((e) => e.type === 'host' && e.host === 'old' && e.level === 'warning');
    expect(warned?.type === 'host' && warned.message).toMatch(/does not answer/);
    expect(summary.hosts.find((h) => h.host === 'old')).toMatchObject({ changed: 2, failed: 0 });
  });

  it('takes the cluster Lease before a target phase that changes the cluster, and changes nothing without it', async () => {
    const ran: string[] = [];
    const { opts } = options(new Map([['cp-1', fake('cp-1')]]));
    const op: Operation = {
      name: 'remove-node',
      hosts: [host('cp-1')],
      probes: () => [...HOST_PROBES],
      cluster: () => noCluster,
      phases: [removal(ran, true)],
    };
    const summary = await runOperation(op, opts);
    expect(summary.failed).toBe(true);
    expect(ran).toEqual([]);
    // A plan takes no lock: the same phase is planned.
    const plan = await runOperation(
      op,
      options(new Map([['cp-1', fake('cp-1')]]), { dryRun: true, takeLocks: false }).opts,
    );
    expect(plan.hosts.find((h) => h.host === 'old')).toMatchObject({ changed: 2, failed: 0 });
    expect(ran).toEqual([]);
  });
});
